using System.Text.Json;
using SocialPlanner.Core.Insights;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Insights;

/// <summary>The best-time rule on synthetic histories (issue #18 §3).</summary>
public class BestTimeTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    /// <summary>A post that went out at <paramref name="hour"/> local time on the <paramref name="weeksAgo"/>-th
    /// <paramref name="day"/> before <see cref="Now"/>, in Zurich, with the given engagement rate on 1,000 reached.</summary>
    private static PublishedFigures Post(DayOfWeek day, int hour, double rate, int weeksAgo = 1, SocialPlatform platform = SocialPlatform.Linkedin)
    {
        var date = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-7 * weeksAgo);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(-1);
        }
        var local = date.ToDateTime(new TimeOnly(hour, 15));
        var at = new DateTimeOffset(local, Zurich.GetUtcOffset(local));
        var engagements = (long)Math.Round(rate * 1000);
        return new PublishedFigures(Guid.NewGuid(), platform, at, new PostMetrics(at.AddDays(1), 1000, null, engagements, 0, 0, 0));
    }

    /// <summary>24 posts over 10 weekday-hours: Tuesday 9:00 clearly best, Thursday 17:00 second, Monday 8:00 third.</summary>
    private static List<PublishedFigures> RichHistory() =>
    [
        Post(DayOfWeek.Tuesday, 9, 0.09, 1), Post(DayOfWeek.Tuesday, 9, 0.11, 2), Post(DayOfWeek.Tuesday, 9, 0.10, 3),
        Post(DayOfWeek.Thursday, 17, 0.08, 1), Post(DayOfWeek.Thursday, 17, 0.07, 2),
        Post(DayOfWeek.Monday, 8, 0.06, 1), Post(DayOfWeek.Monday, 8, 0.06, 2), Post(DayOfWeek.Monday, 8, 0.06, 3),
        Post(DayOfWeek.Wednesday, 12, 0.04, 1), Post(DayOfWeek.Wednesday, 12, 0.03, 2), Post(DayOfWeek.Wednesday, 12, 0.05, 3),
        Post(DayOfWeek.Friday, 15, 0.02, 1), Post(DayOfWeek.Friday, 15, 0.02, 2),
        Post(DayOfWeek.Saturday, 10, 0.01, 1), Post(DayOfWeek.Saturday, 10, 0.01, 2),
        Post(DayOfWeek.Sunday, 20, 0.02, 1), Post(DayOfWeek.Sunday, 20, 0.02, 2),
        Post(DayOfWeek.Monday, 18, 0.03, 1), Post(DayOfWeek.Monday, 18, 0.03, 2),
        Post(DayOfWeek.Friday, 7, 0.04, 1), Post(DayOfWeek.Friday, 7, 0.04, 2),
        // One lucky post alone in its hour: the best rate of all, but never suggested.
        Post(DayOfWeek.Wednesday, 22, 0.30, 1),
        Post(DayOfWeek.Thursday, 17, 0.075, 3), Post(DayOfWeek.Tuesday, 9, 0.10, 4),
    ];

    [Fact]
    public void With_enough_history_the_best_repeated_weekday_hours_in_the_users_zone_are_suggested()
    {
        var result = BestTime.Compute(RichHistory(), Zurich, Now, SocialPlatform.Linkedin);

        Assert.True(result.EnoughData);
        Assert.Equal(24, result.PostsConsidered);
        Assert.Equal(10, result.CellsCovered);
        Assert.Equal([(1, 9), (3, 17), (0, 8)], result.SuggestedSlots.Select(s => (s.Weekday, s.Hour)));
        Assert.Equal(0.1, result.SuggestedSlots[0].EngagementRate);
        Assert.Equal(4, result.SuggestedSlots[0].Posts);
        Assert.Equal(0.3, result.Heatmap[2][22]);
        Assert.Null(result.Heatmap[2][23]);
        Assert.Equal(7, result.Heatmap.Length);
        Assert.All(result.Heatmap, day => Assert.Equal(24, day.Length));
    }

    [Fact]
    public void Too_little_history_falls_back_to_the_platforms_defaults_and_says_why()
    {
        var few = RichHistory().Take(BestTime.MinimumPosts - 1).ToList();

        var result = BestTime.Compute(few, Zurich, Now, SocialPlatform.Instagram);

        Assert.False(result.EnoughData);
        Assert.Equal(BestTime.Defaults(SocialPlatform.Instagram), result.SuggestedSlots);
        Assert.Contains($"{BestTime.MinimumPosts - 1} posts", result.Reason, StringComparison.Ordinal);
        Assert.Contains($"at least {BestTime.MinimumPosts} posts", result.Reason, StringComparison.Ordinal);
        Assert.NotNull(result.Heatmap[1][9]);
    }

    [Fact]
    public void The_explanation_is_in_the_readers_language()
    {
        var few = RichHistory().Take(BestTime.MinimumPosts - 1).ToList();

        BestTimeResult result;
        using (SocialPlanner.Core.Localisation.UserCulture.Use("fr"))
        {
            result = BestTime.Compute(few, Zurich, Now, SocialPlatform.Instagram);
        }
        var english = BestTime.Compute(few, Zurich, Now, SocialPlatform.Instagram);

        Assert.StartsWith("Pas encore assez d’historique", result.Reason, StringComparison.Ordinal);
        Assert.Contains($"{BestTime.MinimumPosts - 1} publications", result.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Not enough history yet", english.Reason, StringComparison.Ordinal);
        Assert.Equal("Indisponible : il manque l’autorisation r_member_postAnalytics. Reconnectez le compte pour l’accorder.",
            Describe(MetricsUnavailable.MissingScope(MetricsUnavailable.LinkedInScope), "fr"));
        Assert.Equal("Something else the platform said", Describe("Something else the platform said", "fr"));
    }

    private static string Describe(string stored, string language)
    {
        using (SocialPlanner.Core.Localisation.UserCulture.Use(language))
        {
            return MetricsUnavailable.Describe(stored);
        }
    }

    [Fact]
    public void Many_posts_in_too_few_weekday_hours_are_not_enough_either()
    {
        var sameHours = Enumerable.Range(1, 12).SelectMany(w => new[] { Post(DayOfWeek.Tuesday, 9, 0.05, w), Post(DayOfWeek.Thursday, 9, 0.04, w) }).ToList();

        var result = BestTime.Compute(sameHours, Zurich, Now, SocialPlatform.Linkedin);

        Assert.False(result.EnoughData);
        Assert.Equal(24, result.PostsConsidered);
        Assert.Equal(2, result.CellsCovered);
        Assert.Equal(BestTime.Defaults(SocialPlatform.Linkedin), result.SuggestedSlots);
    }

    [Fact]
    public void Posts_older_than_the_window_or_without_reach_are_left_out()
    {
        var history = RichHistory();
        history.Add(Post(DayOfWeek.Tuesday, 9, 0.5, weeksAgo: 14));
        var unseen = Post(DayOfWeek.Tuesday, 9, 0.5);
        history.Add(unseen with { Latest = unseen.Latest with { Reach = 0 } });

        var result = BestTime.Compute(history, Zurich, Now, SocialPlatform.Linkedin);

        Assert.Equal(24, result.PostsConsidered);
        Assert.Equal(0.1, result.Heatmap[1][9]);
    }

    [Fact]
    public void The_same_instants_fall_in_the_hours_of_the_users_zone()
    {
        // 07:15 UTC on a summer Tuesday: 09:15 in Zurich, 03:15 in New York.
        var tuesday = new DateTimeOffset(2030, 6, 25, 7, 15, 0, TimeSpan.Zero);
        Assert.Equal((1, 9), BestTime.Cell(tuesday, Zurich));
        Assert.Equal((1, 3), BestTime.Cell(tuesday, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        // The same wall-clock hour in winter is another UTC hour.
        Assert.Equal((1, 9), BestTime.Cell(new DateTimeOffset(2030, 1, 8, 8, 15, 0, TimeSpan.Zero), Zurich));
    }

    [Fact]
    public void The_engagement_rate_is_likes_comments_saves_and_shares_over_reach()
    {
        Assert.Equal(0.05, BestTime.Rate(new PostMetrics(Now, 1000, 1500, 30, 10, 6, 4)), 6);
        Assert.Equal(0.04, BestTime.Rate(new PostMetrics(Now, 1000, 1500, 30, 6, null, 4)), 6);
        Assert.Equal(0, BestTime.Rate(new PostMetrics(Now, 0, null, 3, 0, 0, 0)));
    }
}

public class MetricsScheduleTests
{
    private static readonly DateTimeOffset Published = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Readings_are_owed_at_each_age_and_the_schedule_ends_after_the_last()
    {
        var ages = InsightsOptions.DefaultReadingAges;
        Assert.Equal(Published.AddHours(1), MetricsSchedule.NextDue(ages, Published, 0));
        Assert.Equal(Published.AddDays(7), MetricsSchedule.NextDue(ages, Published, 2));
        Assert.Null(MetricsSchedule.NextDue(ages, Published, ages.Count));
        Assert.False(MetricsSchedule.IsOwed(ages, Published, 0, Published.AddMinutes(59)));
        Assert.True(MetricsSchedule.IsOwed(ages, Published, 0, Published.AddHours(1)));
    }

    [Fact]
    public void A_late_reading_covers_every_age_it_is_late_for()
    {
        var ages = InsightsOptions.DefaultReadingAges;
        Assert.Equal(3, MetricsSchedule.Covered(ages, TimeSpan.FromDays(8)));
        Assert.Equal(ages.Count, MetricsSchedule.Covered(ages, TimeSpan.FromDays(60)));
        Assert.Equal(0, MetricsSchedule.Covered(ages, TimeSpan.FromMinutes(5)));
    }
}

public class PostAnalyticsTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void A_client_can_neither_forge_nor_erase_the_collected_analytics()
    {
        var stored = Json("""{"note":"old","analytics":{"linkedin":{"latest":{"reach":5}}}}""");

        var forged = PostAnalytics.KeepAnalytics(stored, Json("""{"note":"new","analytics":{"linkedin":{"latest":{"reach":99999}}}}"""));
        var erased = PostAnalytics.KeepAnalytics(stored, Json("""{"note":"new"}"""));
        var none = PostAnalytics.KeepAnalytics(Json("{}"), Json("""{"analytics":{"x":1}}"""));

        Assert.Equal(5, forged.RootElement.GetProperty("analytics").GetProperty("linkedin").GetProperty("latest").GetProperty("reach").GetInt32());
        Assert.Equal("new", forged.RootElement.GetProperty("note").GetString());
        Assert.True(erased.RootElement.TryGetProperty("analytics", out _));
        Assert.False(none.RootElement.TryGetProperty("analytics", out _));
    }

    [Fact]
    public void The_latest_reading_of_each_platform_is_read_from_the_metadata()
    {
        var metadata = Json("""
            {"analytics":{
              "linkedin":{"readings":[],"latest":{"at":"2030-03-01T10:00:00+00:00","reach":120,"impressions":200,"likes":7,"comments":2,"saves":null,"shares":1}},
              "instagram":{"latest":"garbage"}}}
            """);

        var latest = PostAnalytics.Latest(metadata);

        var linkedIn = Assert.Single(latest);
        Assert.Equal(SocialPlatform.Linkedin, linkedIn.Key);
        Assert.Equal(new PostMetrics(new DateTimeOffset(2030, 3, 1, 10, 0, 0, TimeSpan.Zero), 120, 200, 7, 2, null, 1), linkedIn.Value);
        Assert.Empty(PostAnalytics.Latest(Json("""{"analytics":[]}""")));
    }
}
