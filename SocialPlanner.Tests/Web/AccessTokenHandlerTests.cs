using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Auth;

namespace SocialPlanner.Tests.Web;

/// <summary>The Web's side of the session: tokens refreshed before expiry and after a 401, once, even under concurrency.</summary>
public sealed class AccessTokenHandlerTests : IDisposable
{
    private const string SessionKey = "browser-session";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly SessionTokenStore _store;
    private readonly List<string> _refreshTokensUsed = [];
    private readonly List<string?> _apiTokensSeen = [];
    private bool _refusesRefresh;
    private Func<string?, HttpStatusCode> _api = _ => HttpStatusCode.OK;

    public AccessTokenHandlerTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDistributedMemoryCache();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<SessionTokenStore>();
        services.AddSingleton<SessionRefresher>();
        services.AddScoped<AuthClient>();
        services.AddScoped<ApiHttp>();
        services.AddHttpClient(ApiHttp.AnonymousClient, c => c.BaseAddress = new Uri("http://api.test"))
            .ConfigurePrimaryHttpMessageHandler(() => new StubHandler(RefreshEndpoint));
        _services = services.BuildServiceProvider();
        _store = _services.GetRequiredService<SessionTokenStore>();
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_call()
    {
        await _store.SetAsync(SessionKey, new ApiSession("old", "refresh-1", _clock.GetUtcNow().AddSeconds(10)), TestContext.Current.CancellationToken);

        var response = await CallApiAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["refresh-1"], _refreshTokensUsed);
        Assert.Equal(["new-1"], _apiTokensSeen);
    }

    [Fact]
    public async Task A_valid_token_is_sent_as_is()
    {
        await _store.SetAsync(SessionKey, new ApiSession("current", "refresh-1", _clock.GetUtcNow().AddMinutes(10)), TestContext.Current.CancellationToken);

        await CallApiAsync();

        Assert.Empty(_refreshTokensUsed);
        Assert.Equal(["current"], _apiTokensSeen);
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_with_the_new_token()
    {
        await _store.SetAsync(SessionKey, new ApiSession("revoked", "refresh-1", _clock.GetUtcNow().AddMinutes(10)), TestContext.Current.CancellationToken);
        _api = token => token == "revoked" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;

        var response = await CallApiAsync(body: "{\"content\":\"kept for the retry\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["revoked", "new-1"], _apiTokensSeen);
        Assert.Equal("new-1", (await _store.GetAsync(SessionKey, TestContext.Current.CancellationToken))!.AccessToken);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_refresh_because_refresh_tokens_rotate()
    {
        await _store.SetAsync(SessionKey, new ApiSession("expired", "refresh-1", _clock.GetUtcNow().AddMinutes(10)), TestContext.Current.CancellationToken);
        _api = token => token == "expired" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CallApiAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["refresh-1"], _refreshTokensUsed);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session_and_answers_401()
    {
        await _store.SetAsync(SessionKey, new ApiSession("revoked", "stolen", _clock.GetUtcNow().AddMinutes(10)), TestContext.Current.CancellationToken);
        _api = _ => HttpStatusCode.Unauthorized;
        _refusesRefresh = true;

        var first = await CallApiAsync();
        var second = await CallApiAsync();

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.StatusCode, second.StatusCode));
        Assert.Null(await _store.GetAsync(SessionKey, TestContext.Current.CancellationToken));
        Assert.Equal(["revoked"], _apiTokensSeen);
    }

    [Fact]
    public async Task Without_a_session_the_Api_is_not_called()
    {
        var response = await CallApiAsync(sessionKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_apiTokensSeen);
    }

    private async Task<HttpResponseMessage> CallApiAsync(string? sessionKey = SessionKey, string? body = null)
    {
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        if (sessionKey is not null)
        {
            http.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(WebSession.SessionKeyClaim, sessionKey)], "test"));
        }
        var handler = new AccessTokenHandler(new CircuitServicesAccessor(), http, _services.GetRequiredService<SessionRefresher>())
        {
            InnerHandler = new StubHandler(request =>
            {
                var token = request.Headers.Authorization?.Parameter;
                lock (_apiTokensSeen)
                {
                    _apiTokensSeen.Add(token);
                }
                return new HttpResponseMessage(_api(token));
            }),
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://api.test") };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/content/posts")
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<HttpResponseMessage> RefreshEndpoint(HttpRequestMessage request)
    {
        var used = System.Text.Json.JsonDocument.Parse(await request.Content!.ReadAsStringAsync()).RootElement.GetProperty("refresh_token").GetString()!;
        lock (_refreshTokensUsed)
        {
            _refreshTokensUsed.Add(used);
        }
        if (_refusesRefresh)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent("{\"error\":{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Refresh token revoked\",\"errors\":[]}}"),
            };
        }
        var n = _refreshTokensUsed.Count;
        var renewed = new AuthResult(new ApiUser(Guid.Empty, "a@b.c", DateTimeOffset.UnixEpoch),
            new ApiSession($"new-{n}", $"refresh-{n + 1}", _clock.GetUtcNow().AddMinutes(15)));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(new { data = renewed }, options: ApiJson.Options),
        };
    }

    public void Dispose() => _services.Dispose();

    private sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : this(r => Task.FromResult(respond(r)))
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
    }
}
