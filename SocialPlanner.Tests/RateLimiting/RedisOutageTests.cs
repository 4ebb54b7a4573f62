using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

/// <summary>Issue 4 §4: with Redis down the Api keeps serving (fail open, health degraded) and limits come back
/// with Redis. Each test stops the cache and starts it again before it ends.</summary>
[Collection(ReplicatedApiCollection.Name)]
public sealed class RedisOutageTests(ReplicatedApiFixture app)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_Redis_is_down_the_api_serves_unlimited_reports_degraded_and_limits_return_with_Redis()
    {
        var user = await app.RegisterAsync();
        using var first = app.ReplicaClient(user, 0);
        using var second = app.ReplicaClient(user, 1);

        await app.StopResourceAsync("cache");
        try
        {
            for (var i = 0; i < ReplicatedApiFixture.PerUserPerMinute + 2; i++)
            {
                using var response = await (i % 2 == 0 ? first : second).GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("X-RateLimit-Remaining"), "no count is known while Redis is down");
            }

            var login = await first.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);

            // The calendar cannot tell a fresh cached month from a stale one without its version: it is read from Postgres.
            var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            using var calendar = await second.GetAsync(new Uri($"/api/calendar/posts?month={month}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);

            for (var instance = 0; instance < 2; instance++)
            {
                // Every answer within the AppHost's probe timeout, or the dashboard and any load balancer would call it
                // unhealthy; /health reports a result at most a few seconds old, so it turns Degraded within that. The
                // rate limiter stays Degraded a while after an earlier outage and the Redis check may have run before
                // this test's requests failed, so wait for a report that has seen both.
                using var probe = new HttpClient { BaseAddress = app.GetReplicaEndpoint("api", instance), Timeout = TimeSpan.FromSeconds(2) };
                var report = await HealthReportWhenAsync(probe, r => r["checks"]!["cache"]!["status"]!.GetValue<string>() == "Degraded"
                    && r["checks"]!["rate-limiter"]!["status"]!.GetValue<string>() == "Degraded");
                Assert.Equal("Degraded", report["status"]!.GetValue<string>());
                Assert.Equal("Degraded", report["checks"]!["cache"]!["status"]!.GetValue<string>());
                Assert.Equal("Degraded", report["checks"]!["rate-limiter"]!["status"]!.GetValue<string>());
            }
        }
        finally
        {
            await RestartCacheAsync();
        }

        var limited = await app.RegisterAsync();
        using var afterwards = app.ReplicaClient(limited, 1);
        await PollAsync(() => afterwards.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct),
            r => r.Headers.Contains("X-RateLimit-Remaining"));
        // Enough requests to exhaust the limit even if a new minute starts on the way.
        var last = await afterwards.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct);
        for (var i = 0; i < 2 * ReplicatedApiFixture.PerUserPerMinute && last.StatusCode == HttpStatusCode.OK; i++)
        {
            last = await afterwards.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }

    [Fact]
    public async Task A_logout_while_Redis_is_down_ends_the_refresh_tokens_and_answers_503_until_it_can_revoke_the_access_token()
    {
        var user = await app.RegisterAsync();
        using var first = app.ReplicaClient(user, 0);
        using var second = app.ReplicaClient(user, 1);

        await app.StopResourceAsync("cache");
        HttpResponseMessage logout;
        try
        {
            logout = await first.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, logout.StatusCode);
            var refresh = await second.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = user.RefreshToken }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        }
        finally
        {
            await RestartCacheAsync();
        }

        Assert.Equal(TimeSpan.FromSeconds(30), logout.Headers.RetryAfter!.Delta);
        Assert.Equal("service_unavailable", (await logout.ReadErrorAsync())["type"]!.GetValue<string>());
        // Redis is back: the retried logout revokes the access token on every replica.
        var retried = await PollAsync(() => first.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null, Ct),
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        // Each replica's Redis client reconnects on its own schedule (failing open until then), so the other replica
        // refuses the token once it is connected again.
        using var revoked = await PollAsync(() => second.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct),
            r => r.StatusCode == HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    /// <summary>Starts Redis again and returns once both replicas enforce limits again: each replica's Redis client
    /// reconnects on its own schedule, and the tests after this one (whether it passed or not) count on limits.</summary>
    private async Task RestartCacheAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        await app.StartResourceAsync("cache");
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
        var probe = await app.RegisterAsync();
        for (var instance = 0; instance < 2; instance++)
        {
            using var client = app.ReplicaClient(probe, instance);
            using var limited = await PollAsync(() => client.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct),
                r => r.Headers.Contains("X-RateLimit-Remaining"));
        }
    }

    /// <summary>Repeats <paramref name="send"/> until its answer satisfies <paramref name="done"/>: the Api's Redis
    /// client reconnects on its own schedule.</summary>
    private static async Task<HttpResponseMessage> PollAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            var response = await send();
            if (done(response))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    /// <summary>Polls /health (each answer a 200) until its report satisfies <paramref name="done"/>; at most 15 s.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> HealthReportWhenAsync(HttpClient probe, Func<System.Text.Json.Nodes.JsonNode, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = await health.ReadJsonAsync();
            if (done(report) || DateTimeOffset.UtcNow > deadline)
            {
                return report;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }
    }
}
