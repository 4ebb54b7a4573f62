using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialPlanner.Tests.Sandbox;

[Collection(SandboxProcessGroup.Name)]
public sealed class InstagramEmulatorTests(SandboxProcessFixture sandbox) : IAsyncDisposable
{
    private readonly ImageHost _images = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _images.DisposeAsync();

    [Fact]
    public async Task Business_login_yields_a_long_lived_token_that_refreshes_and_identifies_the_account()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);

        var me = await account.GetAsync("/v25.0/me?fields=user_id,username");
        var refreshed = await account.GetAsync("/refresh_access_token?grant_type=ig_refresh_token");

        Assert.Equal(account.UserId, me.GetProperty("user_id").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("username").GetString()));
        Assert.Equal("bearer", refreshed.GetProperty("token_type").GetString());
        Assert.True(refreshed.GetProperty("expires_in").GetInt64() > 5_000_000);
    }

    [Fact]
    public async Task A_container_finishes_after_polling_publishes_once_and_is_listed()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        var caption = $"Launch day #release {Guid.NewGuid():N}";
        var created = await account.CreateContainerAsync(_images.Serve(TestImages.Jpeg(1080, 1350)), caption);
        var containerId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;

        Assert.Equal("IN_PROGRESS", await account.StatusCodeAsync(containerId));
        Assert.Equal("FINISHED", await account.StatusCodeAsync(containerId));
        var publish = await account.PublishAsync(containerId);
        var mediaId = (await publish.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var again = await account.PublishAsync(containerId);

        Assert.Equal("PUBLISHED", await account.StatusCodeAsync(containerId));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var listed = await account.GetAsync($"/v25.0/{account.UserId}/media?fields=id,caption,timestamp,permalink&limit=5");
        var item = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal(mediaId, item.GetProperty("id").GetString());
        Assert.Equal(caption, item.GetProperty("caption").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$", item.GetProperty("timestamp").GetString());
        var limit = await account.GetAsync($"/{account.UserId}/content_publishing_limit?fields=quota_usage,config");
        Assert.Equal(1, limit.GetProperty("data")[0].GetProperty("quota_usage").GetInt32());
        Assert.Equal(3, limit.GetProperty("data")[0].GetProperty("config").GetProperty("quota_total").GetInt32());
        Assert.Equal(caption, (await account.GetAsync($"/{mediaId}?fields=id,caption")).GetProperty("caption").GetString());
    }

    [Fact]
    public async Task Publishing_beyond_the_daily_limit_answers_code_9_subcode_2207042()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        for (var i = 0; i < 3; i++)
        {
            var ready = await account.ReadyContainerAsync(_images.Serve(TestImages.Jpeg(1080, 1080)), $"Post {i}");
            Assert.Equal(HttpStatusCode.OK, (await account.PublishAsync(ready)).StatusCode);
        }

        var oneTooMany = await account.ReadyContainerAsync(_images.Serve(TestImages.Jpeg(1080, 1080)), "Post 4");
        var error = await GraphErrorAsync(await account.PublishAsync(oneTooMany));

        Assert.Equal(9, error.GetProperty("code").GetInt32());
        Assert.Equal(2207042, error.GetProperty("error_subcode").GetInt32());
    }

    [Theory]
    [InlineData("png", 1080, 1080, 2207005)]
    [InlineData("jpeg", 1080, 2000, 2207009)]
    [InlineData("jpeg", 2000, 1000, 2207009)]
    public async Task An_image_that_is_not_a_JPEG_in_ratio_is_rejected(string format, int width, int height, int subcode)
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        var bytes = format == "png" ? TestImages.Png(width, height) : TestImages.Jpeg(width, height);

        var error = await GraphErrorAsync(await account.CreateContainerAsync(_images.Serve(bytes), "Rejected"));

        Assert.Equal(subcode, error.GetProperty("error_subcode").GetInt32());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.True(error.TryGetProperty("fbtrace_id", out _));
    }

    [Fact]
    public async Task A_caption_with_31_hashtags_is_rejected()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        var caption = string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#tag{i}"));

        var error = await GraphErrorAsync(await account.CreateContainerAsync(_images.Serve(TestImages.Jpeg(1080, 1080)), caption));

        Assert.Equal(2207010, error.GetProperty("error_subcode").GetInt32());
    }

    [Fact]
    public async Task An_unreachable_image_url_is_rejected()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);

        var error = await GraphErrorAsync(await account.CreateContainerAsync(_images.Serve([]).Replace("image.jpg", "missing.jpg"), "Nothing there"));

        Assert.Equal(2207052, error.GetProperty("error_subcode").GetInt32());
    }

    [Fact]
    public async Task A_carousel_of_item_containers_publishes_once_as_one_album_with_its_images_in_order()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        var caption = $"Carousel #three {Guid.NewGuid():N}";
        var sizes = new[] { (1080, 1350), (1080, 1080), (1200, 1000) };
        var items = new List<string>();
        foreach (var (width, height) in sizes)
        {
            items.Add(await account.CreateCarouselItemAsync(_images.Serve(TestImages.Jpeg(width, height))));
        }

        var itemAlone = await GraphErrorAsync(await account.PublishAsync(items[0]));
        var tooFew = await GraphErrorAsync(await account.CreateCarouselAsync([items[0]], caption));
        var carousel = await account.CreateCarouselAsync(items, caption);
        var carouselId = (await carousel.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        Assert.Equal("IN_PROGRESS", await account.StatusCodeAsync(carouselId));
        Assert.Equal("FINISHED", await account.StatusCodeAsync(carouselId));
        var publish = await account.PublishAsync(carouselId);
        var mediaId = (await publish.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var reused = await GraphErrorAsync(await account.CreateCarouselAsync(items, caption));

        Assert.Contains("carousel item", itemAlone.GetProperty("message").GetString());
        Assert.Contains("between 2 and 10 children", tooFew.GetProperty("message").GetString());
        Assert.Contains("not an unpublished carousel item", reused.GetProperty("message").GetString());
        Assert.Equal("CAROUSEL_ALBUM", (await account.GetAsync($"/{mediaId}?fields=id,media_type")).GetProperty("media_type").GetString());
        var ledger = await account.Http.GetFromJsonAsync<JsonElement[]>($"/api/published?platform=instagram&account={account.UserId}", Cancel);
        var published = Assert.Single(ledger!);
        Assert.Equal(caption, published.GetProperty("text").GetString());
        Assert.Equal(sizes.Select(s => $"jpeg {s.Item1}x{s.Item2}"),
            published.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("info").GetString()!.Split(',')[0]));
    }

    private static async Task<JsonElement> GraphErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error");
    }
}
