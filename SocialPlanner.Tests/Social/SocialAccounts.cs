using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Social;

/// <summary>A user's network accounts, connected through the sandbox's OAuth screens (auto consent).</summary>
public static class SocialAccounts
{
    /// <summary>Plays the browser: follows the authorization URL to the consent screen, which answers with a
    /// redirect to our callback carrying the code and the state.</summary>
    public static async Task<(string Code, string State)> ConsentAsync(TestUser user, string platform, string member)
    {
        var start = await user.Http.PostAsync($"/api/social/{platform}/auth", null, Ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var url = (await start.ReadJsonAsync())["data"]!["authorization_url"]!.GetValue<string>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await browser.GetAsync($"{url}&auto_consent=true&sandbox_member={member}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var location = consent.Headers.Location!;
        Assert.EndsWith($"/connections/callback/{platform}", location.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        return (query["code"].ToString(), query["state"].ToString());
    }

    public static Task<HttpResponseMessage> CallbackAsync(TestUser user, string platform, string code, string state) =>
        user.Http.PostAsync($"/api/social/{platform}/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}", null, Ct);

    public static async Task<JsonNode> ConnectAsync(TestUser user, string platform, string member)
    {
        var (code, state) = await ConsentAsync(user, platform, member);
        var response = await CallbackAsync(user, platform, code, state);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["data"]!;
    }

    public static string Member() => $"member-{Guid.NewGuid():N}"[..20];
}
