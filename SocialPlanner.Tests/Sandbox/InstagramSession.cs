using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>An Instagram professional account connected through Business Login with auto-consent and a long-lived token.</summary>
public sealed class InstagramSession
{
    public const string ClientId = "sandbox-instagram-client";
    public const string ClientSecret = "sandbox-instagram-secret";
    public const string RedirectUri = "http://app.test/connections/instagram/callback";

    private InstagramSession(HttpClient http, string userId, string accessToken)
    {
        Http = http;
        UserId = userId;
        AccessToken = accessToken;
    }

    public HttpClient Http { get; }

    public string UserId { get; }

    public string AccessToken { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<InstagramSession> ConnectAsync(SandboxProcessFixture sandbox, TimeSpan? timeout = null)
    {
        var http = sandbox.CreateClient(timeout);
        var consent = await http.GetAsync(
            $"/oauth/authorize?client_id={ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code" +
            "&scope=instagram_business_basic,instagram_business_content_publish&state=s1&auto_consent=true", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.EndsWith("#_", consent.Headers.Location!.OriginalString);
        var code = QueryHelpers.ParseQuery(consent.Headers.Location.Query)["code"].ToString();

        var shortLived = await (await http.PostAsync("/oauth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
        }), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var longLived = await http.GetFromJsonAsync<JsonElement>(
            $"/access_token?grant_type=ig_exchange_token&client_secret={ClientSecret}&access_token={shortLived.GetProperty("access_token").GetString()}", Cancel);

        return new InstagramSession(http, shortLived.GetProperty("user_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            longLived.GetProperty("access_token").GetString()!);
    }

    public Task<HttpResponseMessage> CreateContainerAsync(string imageUrl, string caption) =>
        Http.PostAsync($"/v25.0/{UserId}/media", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["image_url"] = imageUrl,
            ["caption"] = caption,
            ["alt_text"] = "A test image",
            ["access_token"] = AccessToken,
        }), Cancel);

    /// <summary>An item container for a carousel (no caption: the carousel carries it); returns its id.</summary>
    public async Task<string> CreateCarouselItemAsync(string imageUrl)
    {
        var created = await Http.PostAsync($"/v25.0/{UserId}/media", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["image_url"] = imageUrl,
            ["is_carousel_item"] = "true",
            ["access_token"] = AccessToken,
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> CreateCarouselAsync(IReadOnlyList<string> children, string caption) =>
        Http.PostAsync($"/v25.0/{UserId}/media", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["media_type"] = "CAROUSEL",
            ["children"] = string.Join(',', children),
            ["caption"] = caption,
            ["access_token"] = AccessToken,
        }), Cancel);

    public async Task<string> ReadyContainerAsync(string imageUrl, string caption)
    {
        var created = await CreateContainerAsync(imageUrl, caption);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        for (var poll = 0; poll < 5; poll++)
        {
            if (await StatusCodeAsync(id) == "FINISHED")
            {
                return id;
            }
        }

        throw new InvalidOperationException($"Container {id} never finished");
    }

    public async Task<string> StatusCodeAsync(string containerId) =>
        (await GetAsync($"/v25.0/{containerId}?fields=status_code,status")).GetProperty("status_code").GetString()!;

    public Task<HttpResponseMessage> PublishAsync(string containerId) => PublishUntilAsync(containerId, Cancel);

    /// <summary>Publishes, giving up when <paramref name="giveUp"/> fires, as a client timeout would.</summary>
    public Task<HttpResponseMessage> PublishUntilAsync(string containerId, CancellationToken giveUp) =>
        Http.PostAsync($"/v25.0/{UserId}/media_publish?creation_id={containerId}&access_token={AccessToken}", null, giveUp);

    public Task<JsonElement> GetAsync(string path) =>
        Http.GetFromJsonAsync<JsonElement>($"{path}{(path.Contains('?') ? '&' : '?')}access_token={AccessToken}", Cancel);
}
