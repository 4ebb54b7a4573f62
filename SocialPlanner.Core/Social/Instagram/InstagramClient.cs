using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SocialPlanner.Core.Social.Instagram;

/// <summary>Instagram Login OAuth and the content-publishing Graph calls (platform-apis §2). Its HttpClient never
/// retries unsafe methods by itself: whether a publish may be repeated is the dispatcher's decision.</summary>
public sealed class InstagramClient(HttpClient http, IOptions<InstagramOptions> options, TimeProvider clock)
{
    private InstagramOptions Options => options.Value;

    public Uri BuildAuthorizeUrl(Uri redirectUri, string state) =>
        new(QueryHelpers.AddQueryString(Required(Options.AuthorizeUrl, "AuthorizeUrl").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = Required(Options.ClientId, "ClientId"),
            ["redirect_uri"] = redirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = Options.Scopes,
            ["state"] = state,
        }));

    /// <summary>Code → short-lived token → long-lived (60-day) token. Instagram appends <c>#_</c> to the code in the
    /// redirect; it is stripped here so callers can pass the query value as they got it.</summary>
    public async Task<InstagramGrant> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = Required(Options.ClientId, "ClientId"),
            ["client_secret"] = Required(Options.ClientSecret, "ClientSecret"),
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri.ToString(),
            ["code"] = code.EndsWith("#_", StringComparison.Ordinal) ? code[..^2] : code,
        });
        using var response = await http.PostAsync(Required(Options.TokenUrl, "TokenUrl"), form, cancellationToken);
        var body = await ReadTokenBodyAsync(response, cancellationToken);
        // Documented both flat and wrapped in "data": accept either.
        var grant = body["data"] is JsonArray { Count: > 0 } data ? data[0]! : body;
        var shortLived = (string?)grant["access_token"] ?? throw new OAuthException("Instagram returned no access token.", false);
        var userId = grant["user_id"]?.ToString() ?? throw new OAuthException("Instagram returned no user id.", false);
        var scopes = grant["permissions"] switch
        {
            JsonArray list => list.Select(p => p!.ToString()).ToList(),
            JsonValue value => value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [],
        };

        var longLived = await TokenCallAsync("access_token", new()
        {
            ["grant_type"] = "ig_exchange_token",
            ["client_secret"] = Required(Options.ClientSecret, "ClientSecret"),
            ["access_token"] = shortLived,
        }, cancellationToken);
        return new InstagramGrant(longLived with { Scopes = scopes }, userId);
    }

    /// <summary>A long-lived token is refreshed by itself (no separate refresh token); an expired one cannot be.</summary>
    public Task<OAuthTokens> RefreshAsync(string longLivedToken, CancellationToken cancellationToken) =>
        TokenCallAsync("refresh_access_token", new()
        {
            ["grant_type"] = "ig_refresh_token",
            ["access_token"] = longLivedToken,
        }, cancellationToken);

    /// <summary>Withdraws the app's grant (<c>DELETE /me/permissions</c>, Graph's revocation for Facebook Login; unconfirmed
    /// for Instagram Login, whose documentation platform-apis.md has no revocation from).</summary>
    public async Task RevokeAsync(string accessToken, CancellationToken cancellationToken)
    {
        var url = QueryHelpers.AddQueryString(Graph("me/permissions").ToString(), "access_token", accessToken);
        using var response = await http.DeleteAsync(url, cancellationToken);
        await ReadGraphAsync(response, cancellationToken);
    }

    public async Task<PlatformProfile> GetMeAsync(string accessToken, CancellationToken cancellationToken)
    {
        var me = await GetAsync("me", accessToken, new() { ["fields"] = "user_id,username,profile_picture_url" }, cancellationToken);
        return new PlatformProfile(me["user_id"]?.ToString() ?? me["id"]?.ToString() ?? throw new InvalidOperationException("Instagram /me has no id."),
            (string?)me["username"], (string?)me["profile_picture_url"]);
    }

    /// <summary>The account's rolling-24 h publishing quota as the platform states it today.</summary>
    public async Task<PublishingLimit> GetPublishingLimitAsync(string igUserId, string accessToken, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"{igUserId}/content_publishing_limit", accessToken, new() { ["fields"] = "quota_usage,config" }, cancellationToken);
        var entry = body["data"]?.AsArray().FirstOrDefault() ?? throw new InvalidOperationException("Instagram returned no publishing limit.");
        return new PublishingLimit(
            (int?)entry["quota_usage"] ?? 0,
            (int?)entry["config"]?["quota_total"] ?? throw new InvalidOperationException("Instagram returned no quota_total."),
            TimeSpan.FromSeconds((int?)entry["config"]?["quota_duration"] ?? 86_400));
    }

    /// <summary>Creates an image container; Instagram fetches <paramref name="imageUrl"/> itself. Carousel children
    /// take no caption.</summary>
    public async Task<string> CreateImageContainerAsync(
        string igUserId, string accessToken, Uri imageUrl, string? caption, string? altText, bool isCarouselItem, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["image_url"] = imageUrl.ToString() };
        if (isCarouselItem)
        {
            form["is_carousel_item"] = "true";
        }
        if (caption is not null)
        {
            form["caption"] = caption;
        }
        if (!string.IsNullOrWhiteSpace(altText))
        {
            form["alt_text"] = altText;
        }
        return IdOf(await PostAsync($"{igUserId}/media", accessToken, form, cancellationToken));
    }

    public async Task<string> CreateCarouselContainerAsync(
        string igUserId, string accessToken, IReadOnlyList<string> children, string caption, CancellationToken cancellationToken) =>
        IdOf(await PostAsync($"{igUserId}/media", accessToken, new()
        {
            ["media_type"] = "CAROUSEL",
            ["children"] = string.Join(',', children),
            ["caption"] = caption,
        }, cancellationToken));

    /// <summary><c>IN_PROGRESS</c>, <c>FINISHED</c>, <c>PUBLISHED</c>, <c>ERROR</c> or <c>EXPIRED</c>.</summary>
    public async Task<string> GetContainerStatusAsync(string containerId, string accessToken, CancellationToken cancellationToken) =>
        (string?)(await GetAsync(containerId, accessToken, new() { ["fields"] = "status_code,status" }, cancellationToken))["status_code"]
        ?? throw new InvalidOperationException("Instagram returned no container status.");

    /// <summary>The publish call. Returns the new media id.</summary>
    public async Task<string> PublishContainerAsync(string igUserId, string accessToken, string containerId, CancellationToken cancellationToken) =>
        IdOf(await PostAsync($"{igUserId}/media_publish", accessToken, new() { ["creation_id"] = containerId }, cancellationToken));

    public async Task<string?> GetPermalinkAsync(string mediaId, string accessToken, CancellationToken cancellationToken) =>
        (string?)(await GetAsync(mediaId, accessToken, new() { ["fields"] = "id,permalink" }, cancellationToken))["permalink"];

    /// <summary>The account's most recent media, newest first.</summary>
    public async Task<IReadOnlyList<InstagramMedia>> ListRecentMediaAsync(string igUserId, string accessToken, int limit, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"{igUserId}/media", accessToken, new()
        {
            ["fields"] = "id,caption,timestamp,permalink",
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return [.. (body["data"]?.AsArray() ?? []).Select(m => new InstagramMedia(
            m!["id"]!.ToString(),
            (string?)m["caption"],
            GraphTime.Parse((string)m["timestamp"]!),
            (string?)m["permalink"]))];
    }

    /// <summary>Comments on a media item as its owner (<c>POST /{ig-media-id}/comments?message=…</c>). Returns the comment id.</summary>
    public async Task<string> CreateCommentAsync(string mediaId, string accessToken, string message, CancellationToken cancellationToken) =>
        IdOf(await PostAsync($"{mediaId}/comments", accessToken, new() { ["message"] = message }, cancellationToken));

    /// <summary>The media item's comments (first page), to tell whether an earlier, unanswered comment call landed.</summary>
    public async Task<IReadOnlyList<InstagramComment>> ListCommentsAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"{mediaId}/comments", accessToken, new() { ["fields"] = "id,text,timestamp" }, cancellationToken);
        return [.. (body["data"]?.AsArray() ?? []).Select(c => new InstagramComment(c!["id"]!.ToString(), (string?)c["text"]))];
    }

    /// <summary>The media's lifetime insights (platform-apis.md lacks them; see docs/insights.md): each metric's single
    /// value by name. A metric Instagram has no data for is absent from the answer, not 0.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetMediaInsightsAsync(
        string mediaId, string accessToken, string metrics, CancellationToken cancellationToken)
    {
        var body = await GetAsync($"{mediaId}/insights", accessToken, new() { ["metric"] = metrics }, cancellationToken);
        return (body["data"]?.AsArray() ?? [])
            .Where(m => m?["name"] is not null && m["values"]?.AsArray().FirstOrDefault()?["value"] is not null)
            .ToDictionary(m => (string)m!["name"]!, m => (long)m!["values"]!.AsArray()[0]!["value"]!, StringComparer.Ordinal);
    }

    private Uri Graph(string path) => new(Required(Options.GraphBaseUrl, "GraphBaseUrl"), $"{Options.GraphVersion}/{path}");

    private async Task<JsonObject> GetAsync(string path, string accessToken, Dictionary<string, string?> query, CancellationToken cancellationToken)
    {
        query["access_token"] = accessToken;
        using var response = await http.GetAsync(QueryHelpers.AddQueryString(Graph(path).ToString(), query), cancellationToken);
        return await ReadGraphAsync(response, cancellationToken);
    }

    private async Task<JsonObject> PostAsync(string path, string accessToken, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["access_token"] = accessToken;
        using var response = await http.PostAsync(Graph(path), new FormUrlEncodedContent(form), cancellationToken);
        return await ReadGraphAsync(response, cancellationToken);
    }

    private static async Task<JsonObject> ReadGraphAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw GraphApiException.From(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
    }

    private async Task<OAuthTokens> TokenCallAsync(string path, Dictionary<string, string?> query, CancellationToken cancellationToken)
    {
        var url = new Uri(Required(Options.GraphBaseUrl, "GraphBaseUrl"), path);
        using var response = await http.GetAsync(QueryHelpers.AddQueryString(url.ToString(), query), cancellationToken);
        var body = await ReadTokenBodyAsync(response, cancellationToken);
        var token = (string?)body["access_token"] ?? throw new OAuthException("Instagram returned no access token.", false);
        var expiresIn = (long?)body["expires_in"] ?? throw new OAuthException("Instagram returned no token lifetime.", false);
        return new OAuthTokens(token, clock.GetUtcNow().AddSeconds(expiresIn), null, null, []);
    }

    /// <summary>A 4xx from a token call means the token or code is dead (expired, revoked); others may pass.</summary>
    private static async Task<JsonObject> ReadTokenBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            throw new OAuthException($"Instagram token call answered {status}: {body}", status is >= 400 and < 500 and not 429);
        }
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
    }

    private static string IdOf(JsonObject body) => body["id"]?.ToString() ?? throw new InvalidOperationException("Instagram returned no id.");

    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new InvalidOperationException($"Instagram:{name} is not configured and no sandbox was discovered.");
}

public sealed record InstagramGrant(OAuthTokens Tokens, string UserId);

public sealed record PublishingLimit(int Usage, int Total, TimeSpan Window);

public sealed record InstagramComment(string Id, string? Text);

public sealed record InstagramMedia(string Id, string? Caption, DateTimeOffset Timestamp, string? Permalink);

/// <summary>Graph timestamps carry the offset without a colon (<c>2026-11-24T06:40:00+0000</c>).</summary>
public static class GraphTime
{
    public static DateTimeOffset Parse(string value)
    {
        var normalised = value.Length > 5 && value[^5] is '+' or '-' && value[^4..].All(char.IsAsciiDigit)
            ? value[..^2] + ":" + value[^2..]
            : value;
        return DateTimeOffset.Parse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
