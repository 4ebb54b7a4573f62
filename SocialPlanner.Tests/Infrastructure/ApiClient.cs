using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPlanner.Tests.Infrastructure;

/// <summary>A freshly registered user and an HttpClient that calls the Api as them.</summary>
public sealed record TestUser(string Email, string Password, Guid Id, string AccessToken, string RefreshToken, HttpClient Http);

public static class ApiClient
{
    public const string Password = "SecurePass123!";

    /// <summary>The running test's token, so an aborted run stops waiting on the Api.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers a user of its own so tests never depend on each other; with <paramref name="acceptLanguage"/>,
    /// from a browser of that language, which the user's client keeps sending.</summary>
    public static async Task<TestUser> RegisterAsync(this AppFixture app, string? email = null, string? acceptLanguage = null)
    {
        email ??= UniqueEmail();
        var anonymous = app.CreateApiClient(acceptLanguage);
        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, cancellationToken: Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        var http = app.CreateApiClient(acceptLanguage);
        var token = data["session"]!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestUser(email, Password, Guid.Parse(data["user"]!["id"]!.GetValue<string>()), token,
            data["session"]!["refresh_token"]!.GetValue<string>(), http);
    }

    /// <summary>A client of the Api, sending <c>Accept-Language</c> when given one.</summary>
    public static HttpClient CreateApiClient(this AppFixture app, string? acceptLanguage = null)
    {
        var http = app.CreateHttpClient("api");
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse(acceptLanguage));
        }
        return http;
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) ?? throw new JsonException("Empty body");

    /// <summary>The error's <c>type</c>, after checking the body has the spec's error shape.</summary>
    public static async Task<JsonNode> ReadErrorAsync(this HttpResponseMessage response)
    {
        var error = (await response.ReadJsonAsync())["error"] ?? throw new JsonException("No error object");
        Assert.Equal((int)response.StatusCode, error["status"]!.GetValue<int>());
        return error;
    }
}
