using System.Net;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Publishing;

namespace SocialPlanner.Tests.Insights;

/// <summary><c>GET /api/insights</c> over figures the Worker collected from the sandbox (issue #18 §2–3).</summary>
[Collection(InsightsCollection.Name)]
public sealed class InsightsApiTests(InsightsFixture app) : PlatformTest(app)
{
    private const string AnalyticsScopes = "openid profile email w_member_social r_member_postAnalytics";
    private readonly InsightsFixture _app = app;

    /// <summary>A signed-up user whose LinkedIn posts went out and were read by the Worker at least once each.</summary>
    private async Task<TestUser> UserWithPostsAsync(int posts)
    {
        var user = await _app.RegisterAsync();
        await ConnectLinkedInUserAsync(user.Id, AnalyticsScopes);
        for (var i = 0; i < posts; i++)
        {
            var post = await ScheduleAsync(user.Id, Unique($"Insights post {i}"), DateTimeOffset.UtcNow);
            await WaitUntilAsync(() => OwnerScalarAsync<bool>(
                "SELECT metadata #> '{analytics,linkedin,latest}' IS NOT NULL FROM posts WHERE id = $1", post.Id));
        }
        return user;
    }

    private static async Task<JsonNode> InsightsAsync(TestUser user, string query = "")
    {
        var response = await user.Http.GetAsync($"/api/insights{query}", ApiClient.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Totals_posts_weeks_top_posts_and_the_best_time_come_from_the_collected_figures()
    {
        var user = await UserWithPostsAsync(3);
        var other = await UserWithPostsAsync(1);

        var body = await InsightsAsync(user);
        var data = body["data"]!;

        var posts = data["posts"]!.AsArray();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.Equal("linkedin", p!["platform"]!.GetValue<string>()));
        var totals = data["totals"]!;
        Assert.Equal(3, totals["posts"]!.GetValue<int>());
        Assert.Equal(posts.Sum(p => p!["reach"]!.GetValue<long>()), totals["reach"]!.GetValue<long>());
        var engagements = posts.Sum(p => p!["likes"]!.GetValue<long>() + p["comments"]!.GetValue<long>() + p["shares"]!.GetValue<long>());
        Assert.Equal(engagements, totals["engagements"]!.GetValue<long>());
        Assert.Equal(Math.Round((double)engagements / totals["reach"]!.GetValue<long>(), 4), totals["engagement_rate"]!.GetValue<double>());
        Assert.Equal(3, data["weeks"]!.AsArray().Sum(w => w!["posts"]!.GetValue<int>()));
        var top = data["top_posts"]!.AsArray().Select(p => p!["engagements"]!.GetValue<long>()).ToList();
        Assert.Equal(top.OrderDescending(), top);

        var bestTime = data["best_time"]!;
        Assert.False(bestTime["enough_data"]!.GetValue<bool>());
        Assert.Equal(3, bestTime["posts_considered"]!.GetValue<int>());
        Assert.Equal(7, bestTime["heatmap"]!.AsArray().Count);
        Assert.All(bestTime["heatmap"]!.AsArray(), day => Assert.Equal(24, day!.AsArray().Count));
        Assert.Equal("tuesday", bestTime["suggested_slots"]![0]!["weekday"]!.GetValue<string>());
        Assert.Contains("Not enough history yet", bestTime["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("UTC", body["meta"]!["time_zone"]!.GetValue<string>());

        Assert.Single((await InsightsAsync(other))["data"]!["posts"]!.AsArray());
        Assert.Empty((await InsightsAsync(user, "?platform=instagram"))["data"]!["posts"]!.AsArray());
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty((await InsightsAsync(user, $"?from={tomorrow}&to={tomorrow}"))["data"]!["posts"]!.AsArray());
    }

    [Theory]
    [InlineData("?from=2030-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?platform=facebook", "platform")]
    [InlineData("?from=2030-02-01&to=2030-01-01", "from")]
    [InlineData("?from=2028-01-01&to=2030-01-01", "from")]
    public async Task A_bad_range_or_platform_is_rejected_with_400(string query, string field)
    {
        var user = await _app.RegisterAsync();
        var response = await user.Http.GetAsync($"/api/insights{query}", ApiClient.Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        Assert.Equal(field, error["errors"]![0]!["field"]!.GetValue<string>());
    }
}
