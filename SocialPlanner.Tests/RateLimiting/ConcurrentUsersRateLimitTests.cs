using System.Net;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

/// <summary>The per-user limit under a crowd, across the turn of a window. Limits count in fixed one-minute windows and
/// the Api leases tokens in blocks; a request that began before the minute turned still counts in its own window.
/// The tokens leased for such requests used to be dropped as soon as one request of the new window arrived, so the
/// old window's counter filled with unused tokens and users under their limit were refused.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentUsersRateLimitTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_bursting_at_once_below_their_limit_across_the_turn_of_a_window_are_all_served()
    {
        // The suite's Api keeps the spec's 100 requests a minute per user; each user here sends 80, all at once.
        const int users = 5, requestsEach = 80;
        var crowd = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => app.RegisterAsync()));

        // The burst starts a little before a window ends, so it straddles two (without the fix: 18-99 refused in 3
        // of 4 runs; the burst takes a second or two here).
        var now = DateTimeOffset.UtcNow;
        var nextWindow = DateTimeOffset.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 60 + 1) * 60);
        var lead = TimeSpan.FromMilliseconds(700);
        await Task.Delay(nextWindow - now > lead ? nextWindow - now - lead : TimeSpan.Zero, Ct);
        var answers = await Task.WhenAll(crowd.SelectMany(user => Enumerable.Range(0, requestsEach).Select(async _ =>
        {
            using var response = await user.Http.GetAsync("/api/auth/me", Ct);
            return (user.Email, response.StatusCode, Body: response.StatusCode == HttpStatusCode.OK
                ? response.Headers.GetValues("X-RateLimit-Remaining").Single()
                : await response.Content.ReadAsStringAsync(Ct));
        })));

        var refused = answers.Count(a => a.StatusCode != HttpStatusCode.OK);
        var detail = string.Join("\n", answers.GroupBy(a => a.Email).Select(g =>
            $"{g.Key}: refused {string.Join(" | ", g.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => $"{(int)a.StatusCode} {a.Body}").Distinct())}; " +
            $"served with remaining {string.Join(",", g.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => int.Parse(a.Body, System.Globalization.CultureInfo.InvariantCulture)).Order())}"));
        Assert.True(refused == 0, $"{refused} of {users * requestsEach} refused:\n{detail}");
    }
}
