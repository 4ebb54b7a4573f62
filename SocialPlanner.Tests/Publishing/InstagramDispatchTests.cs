using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Instagram through the running Worker: an image uploaded through the Api, an account connected through the
/// sandbox's Business Login, the post published (or deferred) by the dispatcher (DESIGN §4 rules 5 and 6).</summary>
public sealed class InstagramDispatchTests(AppFixture app) : PlatformTest(app)
{
    private readonly AppFixture _app = app;

    [Fact]
    public async Task A_post_for_both_platforms_is_published_once_on_each_and_the_post_becomes_published()
    {
        var user = await _app.RegisterAsync();
        await ConnectLinkedInUserAsync(user.Id);
        await ConnectInstagramAsync(user.Id);
        var text = Unique("Both platforms");
        var postId = await CreateImagePostAsync(user, "both", text);

        await RescheduleAsync(user.Id, postId, DateTimeOffset.UtcNow);

        await WaitUntilAsync(async () => await OwnerScalarAsync<long>(
            "SELECT count(*) FROM post_publications WHERE post_id = $1 AND status = 'published'", postId) == 2);
        Assert.Single(await PublishedAsync(text, "linkedin"));
        Assert.Single(await PublishedAsync(text, "instagram"));
        Assert.StartsWith("urn:li:", await ExternalIdAsync(postId, "linkedin"));
        Assert.Matches("^[0-9]+$", await ExternalIdAsync(postId, "instagram"));
        var post = await AsUser(user.Id).Posts.AsNoTracking().SingleAsync(p => p.Id == postId, Ct);
        Assert.Equal(PostStatus.Published, post.Status);
    }

    [Fact]
    public async Task An_Instagram_post_over_the_daily_publishing_limit_is_deferred_not_failed()
    {
        var user = await _app.RegisterAsync();
        var igUserId = await ConnectInstagramAsync(user.Id);
        await ArmFaultAsync(new { endpoint = "instagram.publish", times = 1, status = 400, error_code = 9, error_subcode = 2207042, user = igUserId });
        var text = Unique("Over the limit");
        var postId = await CreateImagePostAsync(user, "instagram", text);
        var scheduledAt = DateTimeOffset.UtcNow;

        await RescheduleAsync(user.Id, postId, scheduledAt);

        await WaitUntilAsync(() => OwnerScalarAsync<bool>(
            "SELECT status = 'pending' AND attempts = 0 AND due_at > now() + interval '30 minutes' FROM post_publications WHERE post_id = $1", postId));
        Assert.Empty(await PublishedAsync(text, "instagram"));
        Assert.Equal("scheduled", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", postId));
    }

    private static async Task<Guid> CreateImagePostAsync(TestUser user, string platform, string content)
    {
        var response = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform, content, media_ids = new[] { await user.UploadImageAsync() } }, cancellationToken: Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse((await response.ReadJsonAsync())["data"]!["id"]!.GetValue<string>());
    }

    private Task<string> ExternalIdAsync(Guid postId, string platform) =>
        OwnerScalarAsync<string>("SELECT external_id FROM post_publications WHERE post_id = $1 AND platform = $2::social_platform", postId, platform);
}
