using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>A member connected to the LinkedIn emulator through the real OAuth code flow, with auto-consent.</summary>
public sealed class LinkedInSession
{
    public const string ClientId = "sandbox-linkedin-client";
    public const string ClientSecret = "sandbox-linkedin-secret";
    public const string RedirectUri = "http://app.test/connections/linkedin/callback";
    public const string Version = "202610";

    private LinkedInSession(HttpClient http, JsonElement token, string memberId)
    {
        Http = http;
        Token = token;
        MemberId = memberId;
    }

    public HttpClient Http { get; }

    public JsonElement Token { get; }

    public string AccessToken => Token.GetProperty("access_token").GetString()!;

    public string MemberId { get; }

    public string AuthorUrn => $"urn:li:person:{MemberId}";

    public static string AuthorizeUrl(string scope, string extra = "") =>
        $"/oauth/v2/authorization?response_type=code&client_id={ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=xyz&scope={Uri.EscapeDataString(scope)}{extra}";

    public static async Task<string> ConsentAsync(HttpClient http, string scope)
    {
        var consent = await http.GetAsync(AuthorizeUrl(scope, "&auto_consent=true"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var query = QueryHelpers.ParseQuery(consent.Headers.Location!.Query);
        Assert.Equal("xyz", query["state"]);
        return query["code"]!;
    }

    public static Task<HttpResponseMessage> ExchangeAsync(HttpClient http, string code, string redirectUri = RedirectUri) =>
        http.PostAsync("/oauth/v2/accessToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }), TestContext.Current.CancellationToken);

    public static async Task<LinkedInSession> ConnectAsync(SandboxProcessFixture sandbox, string scope = "openid profile email w_member_social", TimeSpan? timeout = null)
    {
        var http = sandbox.CreateClient(timeout);
        var code = await ConsentAsync(http, scope);
        var token = await (await ExchangeAsync(http, code)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var userInfo = await http.GetFromJsonAsync<JsonElement>("/v2/userinfo", TestContext.Current.CancellationToken);
        return new LinkedInSession(http, token, userInfo.GetProperty("sub").GetString()!);
    }

    public Task<HttpResponseMessage> SendRestAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("LinkedIn-Version", Version);
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(string commentary, object? content = null) =>
        SendRestAsync(HttpMethod.Post, "/rest/posts", new
        {
            author = AuthorUrn,
            commentary,
            visibility = "PUBLIC",
            distribution = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
            lifecycleState = "PUBLISHED",
            isReshareDisabledByAuthor = false,
            content,
        });

    public static string UniqueText(string text) => $"{text} {Guid.NewGuid():N}";
}
