using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;
using static SocialPlanner.Tests.Media.MediaClient;

namespace SocialPlanner.Tests.Media;

[Collection(AppCollection.Name)]
public class MediaApiTests(AppFixture app)
{
    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    [Fact]
    public async Task Uploading_an_image_answers_201_with_the_spec_shape_and_working_links()
    {
        var user = await app.RegisterAsync();
        var png = MediaSamples.Png(1080, 1080);

        var media = await UploadOkAsync(user, png, "photo.png", "image/png", ("tags", "[\"branding\",\"product\"]"), ("alt_text", "Logo"));

        Assert.Equal("image", media["type"]!.GetValue<string>());
        Assert.Equal("photo.png", media["filename"]!.GetValue<string>());
        Assert.Equal("image/png", media["mime_type"]!.GetValue<string>());
        Assert.Equal(png.Length, media["size_bytes"]!.GetValue<long>());
        Assert.Equal((1080, 1080), (media["width"]!.GetValue<int>(), media["height"]!.GetValue<int>()));
        Assert.Equal(["branding", "product"], media["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Logo", media["alt_text"]!.GetValue<string>());
        Assert.Null(media["duration"]);
        Assert.NotNull(media["created_at"]);

        var anonymous = app.CreateHttpClient("api");
        Assert.Equal(png, await anonymous.GetByteArrayAsync(media["url"]!.GetValue<string>(), Ct));
        var thumbnail = await anonymous.GetAsync(media["thumbnail_url"]!.GetValue<string>(), Ct);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Tags_may_be_comma_separated_or_repeated_fields()
    {
        var user = await app.RegisterAsync();

        var commas = await UploadOkAsync(user, MediaSamples.Jpeg(), "a.jpg", "image/jpeg", ("tags", "one, two"));
        var repeated = await UploadOkAsync(user, MediaSamples.WebP(), "b.webp", "image/webp", ("tags", "one"), ("tags", "three"));

        Assert.Equal(["one", "two"], commas["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["one", "three"], repeated["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task A_video_is_served_with_range_requests_and_caching_headers()
    {
        var user = await app.RegisterAsync();
        var mp4 = MediaSamples.Mp4(1280, 720, 5);
        var media = await UploadOkAsync(user, mp4, "clip.mp4", "video/mp4");
        Assert.Equal(("video", 5, 1280), (media["type"]!.GetValue<string>(), media["duration"]!.GetValue<int>(), media["width"]!.GetValue<int>()));

        var request = new HttpRequestMessage(HttpMethod.Get, media["url"]!.GetValue<string>());
        request.Headers.Range = new RangeHeaderValue(10, 29);
        var partial = await app.CreateHttpClient("api").SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(mp4[10..30], await partial.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mp4.Length, partial.Content.Headers.ContentRange?.Length);
        Assert.NotNull(partial.Headers.ETag);
        Assert.True(partial.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task A_tampered_or_unsigned_link_is_403_in_the_spec_error_format()
    {
        var user = await app.RegisterAsync();
        var media = await UploadOkAsync(user, MediaSamples.Png(), "p.png", "image/png");
        var url = media["url"]!.GetValue<string>();
        var anonymous = app.CreateHttpClient("api");

        var tampered = await anonymous.GetAsync(url.Replace("sig=", "sig=x"), Ct);
        var unsigned = await anonymous.GetAsync(new Uri(url).AbsolutePath, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal("forbidden", (await tampered.ReadErrorAsync())["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Fact]
    public async Task Listing_filters_by_type_and_all_tags_and_pages_with_a_cursor()
    {
        var user = await app.RegisterAsync();
        var first = await UploadOkAsync(user, MediaSamples.Png(), "1.png", "image/png", ("tags", "a,b"));
        var second = await UploadOkAsync(user, MediaSamples.Jpeg(), "2.jpg", "image/jpeg", ("tags", "a"));
        await UploadOkAsync(user, MediaSamples.Mov(), "3.mov", "video/quicktime", ("tags", "a,b"));

        var both = (await user.Http.GetFromJsonAsync<JsonNode>("/api/media?type=image&tags=a,b", Ct))!;
        var page1 = (await user.Http.GetFromJsonAsync<JsonNode>("/api/media?limit=2", Ct))!;
        var page2 = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/media?limit=2&cursor={page1["meta"]!["next_cursor"]}", Ct))!;

        Assert.Equal([Id(first)], both["data"]!.AsArray().Select(m => Id(m!)));
        Assert.Equal(3, page1["meta"]!["total"]!.GetValue<int>());
        Assert.True(page1["meta"]!["has_more"]!.GetValue<bool>());
        Assert.Equal(Id(second), Id(page1["data"]![1]!));
        Assert.Equal([Id(first)], page2["data"]!.AsArray().Select(m => Id(m!)));
        Assert.False(page2["meta"]!["has_more"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Tags_and_alt_text_can_be_changed()
    {
        var user = await app.RegisterAsync();
        var media = await UploadOkAsync(user, MediaSamples.Png(), "p.png", "image/png", ("tags", "old"));

        var response = await user.Http.PatchAsJsonAsync($"/api/media/{Id(media)}", new { tags = new[] { "new", "fresh" }, alt_text = "Alt" }, Ct);

        var data = (await response.ReadJsonAsync())["data"]!;
        Assert.Equal(["new", "fresh"], data["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Alt", data["alt_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_shows_its_media_by_signed_link_the_media_cannot_be_deleted_while_used_and_once_free_its_files_go()
    {
        var user = await app.RegisterAsync();
        var media = await UploadOkAsync(user, MediaSamples.Png(1080, 1080), "p.png", "image/png");
        var post = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "With image", media_ids = new[] { Id(media) } }, Ct);
        var postId = Id((await post.ReadJsonAsync())["data"]!);
        var shown = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/content/posts/{postId}", Ct))!["data"]!["media"]![0]!;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateHttpClient("api").GetAsync(shown["url"]!.GetValue<string>(), Ct)).StatusCode);

        var refused = await user.Http.DeleteAsync($"/api/media/{Id(media)}", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(postId, (await refused.ReadErrorAsync())["detail"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/content/posts/{postId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/media/{Id(media)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHttpClient("api").GetAsync(media["url"]!.GetValue<string>(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync($"/api/media/{Id(media)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Instagram_posts_refuse_images_outside_the_aspect_ratio_naming_the_rule()
    {
        var user = await app.RegisterAsync();
        var tall = await UploadOkAsync(user, MediaSamples.Png(500, 1000), "tall.png", "image/png");

        var response = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "instagram", content = "Tall", media_ids = new[] { Id(tall) } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("aspect ratio between 4:5", (await response.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Instagram_posts_without_an_image_are_422_and_another_users_image_is_unknown()
    {
        var user = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var foreign = await stranger.UploadImageAsync();

        var bare = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "instagram", content = "No image" }, Ct);
        var stolen = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "x", media_ids = new[] { foreign } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
        Assert.Contains("Instagram posts need at least one image", (await bare.ReadErrorAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
    }

    [Fact]
    public async Task Another_users_media_is_404()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var media = await UploadOkAsync(owner, MediaSamples.Png(), "p.png", "image/png");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/media/{Id(media)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"/api/media/{Id(media)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PatchAsJsonAsync($"/api/media/{Id(media)}", new { tags = new[] { "x" } }, Ct)).StatusCode);
        Assert.Equal(0, (await other.Http.GetFromJsonAsync<JsonNode>("/api/media", Ct))!["meta"]!["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("text", "notes.png", "image/png", "Unsupported file")]
    [InlineData("png", "photo.png", "image/jpeg", "image/jpeg")]
    [InlineData("png", "photo.jpg", "image/png", ".jpg")]
    [InlineData("truncated", "photo.png", "image/png", "truncated")]
    [InlineData("bomb", "photo.png", "image/png", "megapixels")]
    public async Task Disguised_or_broken_files_are_400_saying_why(string kind, string filename, string contentType, string reason)
    {
        var user = await app.RegisterAsync();
        var png = MediaSamples.Png(400, 300);
        var bytes = kind switch
        {
            "text" => "I am only text"u8.ToArray(),
            "truncated" => png[..(png.Length / 2)],
            "bomb" => MediaSamples.PngClaiming(30_000, 30_000),
            _ => png,
        };

        var response = await UploadAsync(user, bytes, filename, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_image_over_10_MB_is_413()
    {
        var user = await app.RegisterAsync();
        var oversized = new byte[10 * 1024 * 1024 + 1];
        MediaSamples.Png()[..16].CopyTo(oversized, 0);

        var response = await UploadAsync(user, oversized, "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parallel_uploads_never_exceed_the_quota_and_the_rest_are_507()
    {
        var user = await app.RegisterAsync();
        var png = MediaSamples.Png(200, 200);
        const long quota = 5L * 1024 * 1024 * 1024;
        await using (var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("socialplanner")))
        {
            await connection.OpenAsync(Ct);
            await using var seed = new NpgsqlCommand(
                "INSERT INTO media (user_id, type, filename, storage_path, url, mime_type, size_bytes) "
                + "VALUES (@user, 'image', 'seed.png', @path, '', 'image/png', @size)", connection);
            seed.Parameters.AddWithValue("user", user.Id);
            seed.Parameters.AddWithValue("path", $"users/{user.Id}/posts/{Guid.NewGuid()}.png");
            seed.Parameters.AddWithValue("size", quota - png.Length * 3 / 2);
            await seed.ExecuteNonQueryAsync(Ct);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => UploadAsync(user, png, "p.png", "image/png")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.InsufficientStorage));
        Assert.Equal("insufficient_storage", (await responses.First(r => r.StatusCode != HttpStatusCode.Created).ReadErrorAsync())["type"]!.GetValue<string>());
    }
}
