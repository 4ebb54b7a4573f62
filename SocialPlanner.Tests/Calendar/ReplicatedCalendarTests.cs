using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.RateLimiting;

namespace SocialPlanner.Tests.Calendar;

/// <summary>Issue #15: each Api replica keeps cached months in its own memory, keyed by the user's calendar version in
/// Redis, so a write through one replica is visible to the very next read through the other, which had the month
/// cached before the write.</summary>
[Collection(ReplicatedApiCollection.Name)]
public sealed class ReplicatedCalendarTests(ReplicatedApiFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_through_one_replica_is_seen_by_the_next_read_through_the_other()
    {
        var user = await app.RegisterAsync();
        using var first = app.ReplicaClient(user, 0);
        using var second = app.ReplicaClient(user, 1);
        var monthStart = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(2);
        var month = monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var created = await first.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Conseil du lundi" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        // Both replicas cache the month while it is empty.
        Assert.Empty(await DaysAsync(first, month));
        Assert.Empty(await DaysAsync(second, month));

        await ScheduleAsync(first, id, monthStart.AddDays(4).AddHours(9));
        Assert.Equal([$"{month}-05"], await DaysAsync(second, month));

        await ScheduleAsync(second, id, monthStart.AddDays(11).AddHours(9));
        Assert.Equal([$"{month}-12"], await DaysAsync(first, month));

        var unscheduled = await second.DeleteAsync(new Uri($"/api/calendar/posts/{id}/schedule", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, unscheduled.StatusCode);
        Assert.Empty(await DaysAsync(first, month));
    }

    private static async Task ScheduleAsync(HttpClient client, string id, DateTimeOffset at)
    {
        var response = await client.PatchAsJsonAsync($"/api/calendar/posts/{id}/schedule", new { scheduled_at = at }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The days of the month that hold posts, as the replica answers.</summary>
    private static async Task<string[]> DaysAsync(HttpClient client, string month)
    {
        var response = await client.GetAsync(new Uri($"/api/calendar/posts?month={month}&tz=UTC", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["data"]!.AsObject().Select(day => day.Key).ToArray();
    }
}
