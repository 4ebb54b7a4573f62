using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SocialPlanner.Core.Social.LinkedIn;

/// <summary>LinkedIn's OAuth code flow, OIDC user info, Images API and Posts API (platform-apis §1). Its HttpClient
/// never retries unsafe methods by itself: whether a publish may be repeated is the dispatcher's decision.</summary>
public sealed class LinkedInClient(HttpClient http, IOptions<LinkedInOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions TokenJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private LinkedInOptions Options => options.Value;

    /// <summary>Where to send the member's browser; LinkedIn comes back to <paramref name="redirectUri"/> with
    /// <c>code</c> and the same <paramref name="state"/>.</summary>
    public Uri BuildAuthorizeUrl(Uri redirectUri, string state) =>
        new(QueryHelpers.AddQueryString(Required(Options.AuthorizeUrl, "AuthorizeUrl").ToString(), new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = Required(Options.ClientId, "ClientId"),
            ["redirect_uri"] = redirectUri.ToString(),
            ["state"] = state,
            ["scope"] = Options.Scopes,
        }));

    public Task<OAuthTokens> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        RequestTokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
        }, cancellationToken);

    /// <summary>Only apps approved for programmatic refresh get refresh tokens; the answer may omit a new one.</summary>
    public Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestTokenAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>Asks LinkedIn to forget a token (unconfirmed endpoint, see <see cref="LinkedInOptions.RevokeUrl"/>).</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = Required(Options.ClientId, "ClientId"),
            ["client_secret"] = Required(Options.ClientSecret, "ClientSecret"),
            ["token"] = token,
        };
        using var response = await http.PostAsync(Required(Options.RevokeUrl, "RevokeUrl"), new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OAuthException(
                $"LinkedIn revoke endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", false);
        }
    }

    /// <summary>The member behind a token; <c>sub</c> makes the author URN <c>urn:li:person:{sub}</c>.</summary>
    public async Task<PlatformProfile> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiBase, "v2/userinfo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var info = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        return new PlatformProfile((string?)info["sub"] ?? throw new InvalidOperationException("LinkedIn user info has no sub."), (string?)info["name"], (string?)info["picture"]);
    }

    public static string PersonUrn(string memberId) => $"urn:li:person:{memberId}";

    /// <summary>Images API: initialize an upload owned by the author, then PUT the bytes. Returns the image URN.</summary>
    public async Task<string> UploadImageAsync(string accessToken, string ownerUrn, Stream content, CancellationToken cancellationToken)
    {
        using var init = RestRequest(HttpMethod.Post, "rest/images?action=initializeUpload", accessToken);
        init.Content = JsonContent.Create(new { initializeUploadRequest = new { owner = ownerUrn } });
        using var initResponse = await http.SendAsync(init, cancellationToken);
        await EnsureSuccessAsync(initResponse, cancellationToken);
        var value = (await initResponse.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["value"];
        var uploadUrl = (string?)value?["uploadUrl"] ?? throw new InvalidOperationException("LinkedIn initializeUpload returned no uploadUrl.");
        var imageUrn = (string?)value?["image"] ?? throw new InvalidOperationException("LinkedIn initializeUpload returned no image URN.");

        using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(content) };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var putResponse = await http.SendAsync(put, cancellationToken);
        await EnsureSuccessAsync(putResponse, cancellationToken);
        return imageUrn;
    }

    /// <summary>Creates a published post; returns its URN from <c>x-restli-id</c>. A non-2xx answer throws
    /// <see cref="LinkedInApiException"/>; transport failures propagate for the caller to classify.</summary>
    public async Task<string> CreatePostAsync(
        string accessToken, string authorUrn, string commentary, IReadOnlyList<LinkedInImage> images, CancellationToken cancellationToken)
    {
        using var request = RestRequest(HttpMethod.Post, "rest/posts", accessToken);
        request.Content = JsonContent.Create(PostBody(authorUrn, commentary, images));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return response.Headers.TryGetValues("x-restli-id", out var ids) ? ids.First()
            : response.Headers.Location?.ToString() ?? throw new InvalidOperationException("LinkedIn created the post but named no URN.");
    }

    /// <summary>Comments on a post as its author (<c>POST /rest/socialActions/{post urn}/comments</c>, Community
    /// Management API). Returns the comment's URN, from <c>x-restli-id</c> or the body.</summary>
    public async Task<string> CreateCommentAsync(string accessToken, string postUrn, string actorUrn, string text, CancellationToken cancellationToken)
    {
        using var request = RestRequest(HttpMethod.Post, $"rest/socialActions/{Uri.EscapeDataString(postUrn)}/comments", accessToken);
        request.Content = JsonContent.Create(new JsonObject
        {
            ["actor"] = actorUrn,
            ["object"] = postUrn,
            ["message"] = new JsonObject { ["text"] = text },
        });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.Headers.TryGetValues("x-restli-id", out var ids))
        {
            return ids.First();
        }
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return (string?)body?["$URN"] ?? (string?)body?["id"] ?? throw new InvalidOperationException("LinkedIn created the comment but named no id.");
    }

    public static JsonObject PostBody(string authorUrn, string commentary, IReadOnlyList<LinkedInImage> images)
    {
        var body = new JsonObject
        {
            ["author"] = authorUrn,
            ["commentary"] = commentary,
            ["visibility"] = "PUBLIC",
            ["distribution"] = new JsonObject
            {
                ["feedDistribution"] = "MAIN_FEED",
                ["targetEntities"] = new JsonArray(),
                ["thirdPartyDistributionChannels"] = new JsonArray(),
            },
            ["lifecycleState"] = "PUBLISHED",
            ["isReshareDisabledByAuthor"] = false,
        };
        if (images.Count == 1)
        {
            body["content"] = new JsonObject { ["media"] = ImageNode(images[0]) };
        }
        else if (images.Count > 1)
        {
            body["content"] = new JsonObject
            {
                ["multiImage"] = new JsonObject { ["images"] = new JsonArray([.. images.Select(i => (JsonNode)ImageNode(i))]) },
            };
        }
        return body;
    }

    private static JsonObject ImageNode(LinkedInImage image)
    {
        var node = new JsonObject { ["id"] = image.Urn };
        if (!string.IsNullOrWhiteSpace(image.AltText))
        {
            node["altText"] = image.AltText;
        }
        return node;
    }

    /// <summary>One lifetime total of a member's own post from the Member Post Analytics API
    /// (<c>memberCreatorPostAnalytics</c>, permission <c>r_member_postAnalytics</c>; see docs/insights.md, partly
    /// unconfirmed). <paramref name="metric"/> is IMPRESSION, MEMBERS_REACHED, REACTION, COMMENT or RESHARE.</summary>
    public async Task<long> GetPostAnalyticsAsync(string postUrn, string accessToken, string metric, CancellationToken cancellationToken)
    {
        var entityKey = postUrn.StartsWith("urn:li:ugcPost:", StringComparison.Ordinal) ? "ugc" : "share";
        var query = $"rest/memberCreatorPostAnalytics?q=entity&entity=({entityKey}:{Uri.EscapeDataString(postUrn)})"
            + $"&queryType={metric}&aggregation=TOTAL";
        using var request = RestRequest(HttpMethod.Get, query, accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return (body?["elements"]?.AsArray() ?? []).Sum(e => (long?)e?["count"] ?? 0);
    }

    private Uri ApiBase => Required(Options.ApiBaseUrl, "ApiBaseUrl");

    private HttpRequestMessage RestRequest(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, new Uri(ApiBase, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("LinkedIn-Version", Options.Version);
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        return request;
    }

    private async Task<OAuthTokens> RequestTokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = Required(Options.ClientId, "ClientId");
        form["client_secret"] = Required(Options.ClientSecret, "ClientSecret");
        using var response = await http.PostAsync(Required(Options.TokenUrl, "TokenUrl"), new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // 400/401 from the token endpoint means the grant is dead (invalid_grant, revoked); anything else may pass.
            var unrecoverable = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
            throw new OAuthException($"LinkedIn token endpoint answered {(int)response.StatusCode}: {body}", unrecoverable);
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(TokenJson, cancellationToken)
            ?? throw new OAuthException("LinkedIn token endpoint returned no body.", false);
        var now = clock.GetUtcNow();
        return new OAuthTokens(
            token.AccessToken,
            now.AddSeconds(token.ExpiresIn),
            token.RefreshToken,
            token.RefreshTokenExpiresIn is { } rtl ? now.AddSeconds(rtl) : null,
            ParseScopes(token.Scope));
    }

    /// <summary>LinkedIn's separator is undocumented; both commas and spaces are seen.</summary>
    public static IReadOnlyList<string> ParseScopes(string? scope) =>
        (scope ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = LinkedInErrorBody.Parse(body);
        throw new LinkedInApiException(response.StatusCode, code, message, RetryAfter.From(response.Headers.RetryAfter, clock.GetUtcNow()));
    }

    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new InvalidOperationException($"LinkedIn:{name} is not configured and no sandbox was discovered.");

    private sealed record TokenResponse(string AccessToken, long ExpiresIn, string? RefreshToken, long? RefreshTokenExpiresIn, string? Scope);
}

/// <summary>An uploaded image to attach to a post.</summary>
public sealed record LinkedInImage(string Urn, string? AltText);
