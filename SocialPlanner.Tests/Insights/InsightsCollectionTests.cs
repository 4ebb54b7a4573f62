using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using SocialPlanner.Tests.Publishing;

namespace SocialPlanner.Tests.Insights;

/// <summary>The Worker reads published posts' metrics from the sandbox's LinkedIn and Instagram on the reading
/// schedule and stores them in <c>posts.metadata.analytics</c> (issue #18 §2).</summary>
[Collection(InsightsCollection.Name)]
public sealed class InsightsCollectionTests(InsightsFixture app) : PlatformTest(app)
{
    private readonly InsightsFixture _app = app;

    private const string AnalyticsScopes = "openid profile email w_member_social r_member_postAnalytics";

    private async Task<JsonObject> AnalyticsAsync(Guid postId) =>
        JsonNode.Parse(await OwnerScalarAsync<string>("SELECT COALESCE(metadata -> 'analytics', '{}'::jsonb)::text FROM posts WHERE id = $1", postId))!.AsObject();

    private async Task<JsonArray> ReadingsWhenAsync(Guid postId, string platform, int count)
    {
        JsonArray? readings = null;
        await WaitUntilAsync(async () =>
        {
            readings = (await AnalyticsAsync(postId))[platform]?["readings"]?.AsArray();
            return readings?.Count >= count;
        });
        return readings!;
    }

    [Fact]
    public async Task A_published_LinkedIn_post_gets_a_reading_at_each_age_and_its_figures_never_shrink()
    {
        var account = await ConnectLinkedInUserAsync(scopes: AnalyticsScopes);
        var post = await ScheduleAsync(account.UserId, Unique("Metrics on LinkedIn"), DateTimeOffset.UtcNow);
        await PublicationWhenAsync(post.Id, "published");

        var readings = await ReadingsWhenAsync(post.Id, "linkedin", InsightsFixture.ReadingAges.Length);
        await WaitUntilAsync(async () => await OwnerScalarAsync<bool>(
            "SELECT metrics_due_at IS NULL AND metrics_readings = $2 FROM post_publications WHERE post_id = $1", post.Id, InsightsFixture.ReadingAges.Length));

        var reaches = readings.Select(r => r!["reach"]!.GetValue<long>()).ToList();
        Assert.True(reaches[0] > 0, $"reach {reaches[0]}");
        // The sandbox's curve grows over hours: seconds apart, the readings may be equal, never smaller.
        Assert.Equal(reaches.Order(), reaches);
        Assert.All(readings, r =>
        {
            Assert.True(r!["impressions"]!.GetValue<long>() >= r["reach"]!.GetValue<long>());
            Assert.NotNull(r["likes"]);
            Assert.NotNull(r["comments"]);
            Assert.NotNull(r["shares"]);
            Assert.Null(r["saves"]);
            Assert.True(DateTimeOffset.Parse(r["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > post.ScheduledAt);
        });
        var analytics = await AnalyticsAsync(post.Id);
        Assert.Equal(readings[^1]!.ToJsonString(), analytics["linkedin"]!["latest"]!.ToJsonString());
    }

    [Fact]
    public async Task A_LinkedIn_connection_without_the_analytics_permission_is_noted_once_and_not_asked_again_until_reconnected()
    {
        var account = await ConnectLinkedInUserAsync();
        var post = await ScheduleAsync(account.UserId, Unique("No analytics permission"), DateTimeOffset.UtcNow);
        await PublicationWhenAsync(post.Id, "published");

        await WaitUntilAsync(async () => await OwnerScalarAsync<string>(
            "SELECT COALESCE(insights_unavailable, '') FROM social_connections WHERE id = $1", account.ConnectionId) != "");
        var note = await OwnerScalarAsync<string>("SELECT insights_unavailable FROM social_connections WHERE id = $1", account.ConnectionId);
        Assert.Contains("r_member_postAnalytics", note, StringComparison.Ordinal);
        // Its reading waits a day, without platform calls, instead of failing in a loop.
        await WaitUntilAsync(() => OwnerScalarAsync<bool>(
            "SELECT metrics_due_at > now() + interval '20 hours' AND metrics_readings = 0 FROM post_publications WHERE post_id = $1", post.Id));
        Assert.Empty(await AnalyticsAsync(post.Id));
    }

    [Fact]
    public async Task An_Instagram_rate_limit_defers_the_reading_which_is_taken_afterwards()
    {
        var user = await _app.RegisterAsync();
        var igUserId = await ConnectInstagramAsync(user.Id);
        await ArmFaultAsync(new { endpoint = "instagram.insights", times = 1, status = 429, user = igUserId });
        var post = await CreateInstagramPostAsync(user, Unique("Metrics on Instagram"));
        await RescheduleAsync(user.Id, post, DateTimeOffset.UtcNow);
        await PublicationWhenAsync(post, "published");

        var readings = await ReadingsWhenAsync(post, "instagram", 1);
        var first = readings[0]!;
        Assert.True(first["reach"]!.GetValue<long>() > 0);
        Assert.Null(first["impressions"]);
        Assert.NotNull(first["saves"]);
        var faults = await Sandbox.GetStringAsync("/sandbox/faults", Ct);
        Assert.DoesNotContain("instagram.insights", faults, StringComparison.Ordinal);
    }

    private static async Task<Guid> CreateInstagramPostAsync(TestUser user, string content)
    {
        var response = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "instagram", content, media_ids = new[] { await user.UploadImageAsync() } }, cancellationToken: Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse((await response.ReadJsonAsync())["data"]!["id"]!.GetValue<string>());
    }
}
