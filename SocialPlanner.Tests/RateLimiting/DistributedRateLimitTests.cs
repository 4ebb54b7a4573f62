using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

/// <summary>Spec "Rate Limiting" across two Api processes: requests alternate between replica 0 and 1 and count
/// against one shared window.</summary>
[Collection(ReplicatedApiCollection.Name)]
public sealed class DistributedRateLimitTests(ReplicatedApiFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_per_user_limit_is_shared_by_both_api_replicas()
    {
        const int limit = ReplicatedApiFixture.PerUserPerMinute;

        var responses = await AlternatingBurstAsync(limit + 1, (client, _) => client.GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct));

        Assert.All(responses[..limit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Each replica leases tokens, so the numbers interleave, but every token of the window is served exactly once
        // (the first request is the window's first) and nothing is left in either replica when the limit is reached.
        Assert.Equal($"{limit - 1}", Remaining(responses[0]));
        Assert.Equal(Enumerable.Range(0, limit).Select(i => $"{i}").Order(), responses[..limit].Select(Remaining).Order());
        Assert.NotEqual(Enumerable.Range(0, limit).Select(i => $"{limit - 1 - i}"), responses[..limit].Select(Remaining));
        Assert.All(responses, r => Assert.Equal($"{limit}", r.Headers.GetValues("X-RateLimit-Limit").Single()));
        // The limit is odd, so the refused request is the second replica's although it served only half of them.
        await AssertRateLimitedAsync(responses[limit]);
    }

    [Fact]
    public async Task The_AI_limit_is_shared_by_both_api_replicas()
    {
        const int limit = ReplicatedApiFixture.AiPerUserPerMinute;
        var body = new { idea = new { title = "Shared limits" }, platform = "linkedin", length = "short" };

        var responses = await AlternatingBurstAsync(limit + 1, (client, _) => client.PostAsJsonAsync("/api/ai/generate-post", body, Ct));

        Assert.All(responses[..limit], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Too small a limit to lease from: one token per request, counted in Redis in the order they came.
        Assert.Equal(Enumerable.Range(0, limit).Select(i => $"{limit - 1 - i}"), responses[..limit].Select(Remaining));
        await AssertRateLimitedAsync(responses[limit]);
    }

    /// <summary>The stated tolerance is zero: tokens are granted by one atomic script in Redis, never beyond the limit,
    /// and a replica refuses only once the grants it asked for have reached its leases and none is left, so a burst of
    /// concurrent requests through both replicas at once (each sending more than the limit) is served exactly up to
    /// the limit, each token once.</summary>
    [Fact]
    public async Task A_concurrent_burst_through_both_replicas_never_overshoots_the_limit()
    {
        const int limit = ReplicatedApiFixture.PerUserPerMinute;
        while (true)
        {
            var user = await app.RegisterAsync();
            using var first = app.ReplicaClient(user, 0);
            using var second = app.ReplicaClient(user, 1);
            var responses = await Task.WhenAll(Enumerable.Range(0, 4 * limit)
                .Select(i => (i % 2 == 0 ? first : second).GetAsync(new Uri("/api/auth/me", UriKind.Relative), Ct)));
            if (responses.Select(r => r.Headers.GetValues("X-RateLimit-Reset").Single()).Distinct().Count() > 1)
            {
                continue; // a minute boundary fell inside the burst: two windows, nothing proven
            }
            Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3 * limit, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
            Assert.Equal(Enumerable.Range(0, limit).Select(i => $"{i}").Order(),
                responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(Remaining).Order());
            return;
        }
    }

    /// <summary><paramref name="count"/> requests of a new user, even ones to replica 0 and odd ones to replica 1. A
    /// minute boundary inside the burst would start a new window and prove nothing, so such a burst is run again.</summary>
    private async Task<HttpResponseMessage[]> AlternatingBurstAsync(int count, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        while (true)
        {
            var user = await app.RegisterAsync();
            using var first = app.ReplicaClient(user, 0);
            using var second = app.ReplicaClient(user, 1);
            var responses = new HttpResponseMessage[count];
            for (var i = 0; i < count; i++)
            {
                responses[i] = await send(i % 2 == 0 ? first : second, i);
            }

            if (responses.Select(r => r.Headers.GetValues("X-RateLimit-Reset").Single()).Distinct().Count() == 1)
            {
                return responses;
            }
        }
    }

    private static string Remaining(HttpResponseMessage response) => response.Headers.GetValues("X-RateLimit-Remaining").Single();

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("0", Remaining(response));
        var error = await response.ReadErrorAsync();
        Assert.Equal("rate_limited", error["type"]!.GetValue<string>());
        Assert.Equal("Too Many Requests", error["title"]!.GetValue<string>());
        Assert.StartsWith("/api/", error["instance"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
