using System.Net;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Api;

/// <summary>Issue #15 §4: /health answers from a recent result, so a storm of probes cannot load Postgres or Redis:
/// concurrent probes share one report, a few seconds old at most, and the database sees no query per probe.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthEndpointTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task A_storm_of_probes_is_answered_from_one_recent_report(string service)
    {
        using var http = app.CreateHttpClient(service);
        var before = DateTimeOffset.UtcNow;

        var reports = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await http.GetAsync("/health", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        }));

        var checkedAt = reports.Select(r => DateTimeOffset.Parse(r["checked_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // 200 probes within a second or two share the report of the periodic run (a new one every 2 s).
        Assert.InRange(checkedAt.Distinct().Count(), 1, 3);
        Assert.All(checkedAt, at => Assert.True(before - at < TimeSpan.FromSeconds(10), $"report from {at:O}, probed at {before:O}"));
        Assert.All(reports, r => Assert.Equal("Healthy", r["status"]!.GetValue<string>()));
        Assert.NotNull(reports[0]["checks"]!.AsObject().FirstOrDefault(c => c.Key != "self").Value);
    }
}
