using System.Net.Http.Json;
using System.Text.Json;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Issue #17 §2: several images go out as one Instagram carousel or one LinkedIn multi-image post, in the
/// post's order, exactly once, whatever fails on the way (faults injected into the sandbox mid-carousel).</summary>
[Collection(FaultyPlatformsCollection.Name)]
public sealed class CarouselPublishingTests(FaultyPlatformsFixture app) : PlatformTest(app)
{
    /// <summary>Four shapes Instagram accepts, each telling its image apart in the sandbox's ledger.</summary>
    private static readonly (int Width, int Height)[] FourImages = [(1080, 1350), (1080, 1080), (1200, 1000), (1080, 900)];

    private readonly FaultyPlatformsFixture _app = app;

    [Fact]
    public async Task A_four_image_Instagram_post_is_published_once_as_a_carousel_in_the_posts_order()
    {
        var (user, _) = await InstagramUserAsync();
        var text = Unique("Carousel in order");
        var postId = await CreatePostAsync(user, "instagram", text, FourImages);

        await RescheduleAsync(user.Id, postId, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(postId, "published");
        var published = Assert.Single(await PublishedAsync(text, "instagram"));
        Assert.Equal(publication.ExternalId, published.GetProperty("external_id").GetString());
        Assert.Equal(1, published.GetProperty("request_count").GetInt32());
        AssertImagesInOrder(published, FourImages);
    }

    public static TheoryData<string, object> InstagramFaults => new()
    {
        { "a 500 on the third item container", new { endpoint = "instagram.media", skip = 2, status = 500 } },
        { "no answer to the carousel container", new { endpoint = "instagram.media", skip = 4, hang = true } },
        { "a 500 while polling the carousel's status", new { endpoint = "instagram.container", status = 500 } },
        { "a 500 after media_publish published", new { endpoint = "instagram.publish", after_success = true, status = 500 } },
        { "no answer after media_publish published", new { endpoint = "instagram.publish", after_success = true, hang = true } },
    };

    [Theory]
    [MemberData(nameof(InstagramFaults))]
    public async Task A_fault_mid_carousel_still_publishes_exactly_one_carousel_in_order(string fault, object rule)
    {
        var (user, igUserId) = await InstagramUserAsync();
        await ArmFaultAsync(WithUser(rule, igUserId));
        var text = Unique($"Carousel despite {fault}");
        var postId = await CreatePostAsync(user, "instagram", text, FourImages);

        await RescheduleAsync(user.Id, postId, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(postId, "published");
        var published = Assert.Single(await PublishedAsync(text, "instagram"));
        Assert.Equal(publication.ExternalId, published.GetProperty("external_id").GetString());
        Assert.Equal(1, published.GetProperty("request_count").GetInt32());
        AssertImagesInOrder(published, FourImages);
    }

    [Fact]
    public async Task A_carousel_item_Instagram_refuses_fails_the_post_naming_the_image()
    {
        var (user, igUserId) = await InstagramUserAsync();
        // Instagram's own answer to an image out of ratio: not transient, so not retried.
        const string refusal = """{"error":{"message":"The submitted image with aspect ratio ('1080/2000') cannot be published.","type":"OAuthException","code":36003,"error_subcode":2207009,"is_transient":false}}""";
        await ArmFaultAsync(new { endpoint = "instagram.media", skip = 1, status = 400, body = refusal, user = igUserId });
        var text = Unique("Carousel with a refused image");
        var postId = await CreatePostAsync(user, "instagram", text, FourImages);

        await RescheduleAsync(user.Id, postId, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(postId, "failed");
        Assert.StartsWith("Image 2 of 4: Instagram refused the post", publication.Error);
        Assert.Empty(await PublishedAsync(text, "instagram"));
    }

    [Fact]
    public async Task A_two_image_LinkedIn_post_is_one_multi_image_post_in_order_despite_a_failed_upload_and_a_lost_answer()
    {
        var user = await _app.RegisterAsync();
        var account = await ConnectLinkedInUserAsync(user.Id);
        await ArmFaultAsync(new { endpoint = "linkedin.images.upload", skip = 1, status = 500, user = account.MemberId });
        await ArmFaultAsync(new { endpoint = "linkedin.posts", after_success = true, hang = true, user = account.MemberId });
        (int, int)[] images = [(1200, 627), (1080, 1080)];
        var text = Unique("Two images on LinkedIn");
        var postId = await CreatePostAsync(user, "linkedin", text, images);

        await RescheduleAsync(user.Id, postId, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(postId, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(publication.ExternalId, published.GetProperty("external_id").GetString());
        // The re-send after the lost answer was refused as a duplicate: two requests, one post.
        Assert.Equal(2, published.GetProperty("request_count").GetInt32());
        AssertImagesInOrder(published, images);
    }

    private async Task<(TestUser User, string IgUserId)> InstagramUserAsync()
    {
        var user = await _app.RegisterAsync();
        return (user, await ConnectInstagramAsync(user.Id));
    }

    private static object WithUser(object rule, string user)
    {
        var node = JsonSerializer.SerializeToNode(rule)!.AsObject();
        node["user"] = user;
        return node;
    }

    private static async Task<Guid> CreatePostAsync(TestUser user, string platform, string content, (int Width, int Height)[] images)
    {
        var mediaIds = new List<string>();
        foreach (var (width, height) in images)
        {
            mediaIds.Add(await user.UploadImageAsync(width, height));
        }
        var response = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform, content, media_ids = mediaIds }, cancellationToken: Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse((await response.ReadJsonAsync())["data"]!["id"]!.GetValue<string>());
    }

    private static void AssertImagesInOrder(JsonElement published, (int Width, int Height)[] expected) =>
        Assert.Equal(
            expected.Select(i => $"jpeg {i.Width}x{i.Height}"),
            published.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("info").GetString()!.Split(',')[0]));
}
