using System.Globalization;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Posts;

/// <summary>The Api's <c>/api/content/posts</c> endpoints.</summary>
public sealed class PostsClient(ApiHttp http)
{
    private const string Base = "/api/content/posts";

    public async Task<PostPage> ListAsync(PostQuery query, CancellationToken ct = default)
    {
        var parameters = new List<string> { "limit=" + query.Limit.ToString(CultureInfo.InvariantCulture) };
        if (query.Status is { } status)
        {
            parameters.Add("status=" + status.ToString().ToLowerInvariant());
        }
        if (query.Platform is { } platform)
        {
            parameters.Add("platform=" + platform.ToString().ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parameters.Add("search=" + Uri.EscapeDataString(query.Search.Trim()));
        }
        if (query.Cursor is { } cursor)
        {
            parameters.Add("cursor=" + cursor);
        }
        var page = await http.GetAsync<List<PostSummary>>($"{Base}?{string.Join('&', parameters)}", ct);
        return new PostPage(page.Data, page.MetaValue<int?>("total") is { } total
            ? new PostListMeta(total, page.MetaValue<bool>("has_more"), page.MetaValue<Guid?>("next_cursor"))
            : new PostListMeta(page.Data.Count, false, null));
    }

    public async Task<Post> GetAsync(Guid id, CancellationToken ct = default) => (await http.GetAsync<Post>($"{Base}/{id}", ct)).Data;

    public async Task<Post> CreateAsync(CreatePostRequest request, CancellationToken ct = default) =>
        (await http.PostAsync<Post>(Base, request, ct)).Data;

    /// <summary>Saves the editor's state; an <see cref="ApiException"/> with status 409 means someone saved a newer version first.</summary>
    public async Task<Post> UpdateAsync(Guid id, UpdatePostRequest request, CancellationToken ct = default) =>
        (await http.PatchAsync<Post>($"{Base}/{id}", request, ct)).Data;

    public Task DeleteAsync(Guid id, CancellationToken ct = default) => http.DeleteAsync($"{Base}/{id}", ct);

    /// <summary>"Publish now" (<c>POST /api/social/{platform}/publish</c>): a post for both networks goes out on both
    /// whichever one is asked. Published is false when the Api answered 202: still on its way when it stopped waiting.</summary>
    public async Task<PublishOutcome> PublishNowAsync(Guid id, PostPlatform platform, CancellationToken ct = default)
    {
        var network = platform == PostPlatform.Instagram ? "instagram" : "linkedin";
        var answer = await http.PostAsync<System.Text.Json.JsonElement>($"/api/social/{network}/publish", new PublishNowRequest(id), ct);
        return new PublishOutcome(answer.Data.TryGetProperty("published", out var published) && published.ValueKind == System.Text.Json.JsonValueKind.True);
    }

    public Task RateAsync(Guid id, int rating, CancellationToken ct = default) =>
        http.PostAsync($"{Base}/{id}/rate", new RateRequest(rating), ct);
}
