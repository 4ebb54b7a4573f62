using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Insights;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Insights;

/// <summary><c>GET /api/insights</c>: the figures the Worker collected for the user's published posts, added up over
/// a date range, per post, per week, the top posts, and the best time to post (docs/insights.md).</summary>
public static class InsightsApi
{
    public const int TopPostsCount = 5;
    public const int MaxRangeDays = 366;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(90);

    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/insights", GetInsights).WithTags("Insights").RequireAuthorization().WithName("GetInsights")
            .WithSummary("Totals, per-post figures, weekly series, top posts and the best time to post, over from–to (YYYY-MM-DD, the user's zone) for one platform or all");
        return app;
    }

    public static async Task<Results<Ok<Envelope<InsightsDto>>, ApiProblem>> GetInsights(
        string? from, string? to, string? platform, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var zoneId = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        var errors = new List<FieldProblem>();
        var toDay = ParseDay(to, "to", today, errors);
        var fromDay = ParseDay(from, "from", toDay.AddDays(-(int)DefaultRange.TotalDays + 1), errors);
        SocialPlatform? only = platform switch
        {
            null or "" => null,
            "linkedin" => SocialPlatform.Linkedin,
            "instagram" => SocialPlatform.Instagram,
            _ => Invalid(errors, "platform", "Ai.PlatformOneOf"),
        };
        if (errors.Count == 0 && fromDay > toDay)
        {
            errors.Add(FieldProblem.Of("from", "Insights.FromAfterTo"));
        }
        if (errors.Count == 0 && toDay.DayNumber - fromDay.DayNumber >= MaxRangeDays)
        {
            errors.Add(FieldProblem.Of("from", "Insights.RangeTooLong", MaxRangeDays));
        }
        if (errors.Count > 0)
        {
            return ApiProblem.Validation(errors);
        }

        var start = CalendarMonth.StartOfLocalDay(fromDay, zone);
        var end = CalendarMonth.StartOfLocalDay(toDay.AddDays(1), zone);
        var historyStart = now - BestTime.Window;
        var earliest = start < historyStart ? start : historyStart;
        var published = await db.Posts.AsNoTracking()
            .Where(p => p.UserId == userId && p.PublishedAt != null && p.PublishedAt >= earliest
                && (p.Status == PostStatus.Published || p.Status == PostStatus.Failed))
            .Select(p => new { p.Id, p.Content, PublishedAt = p.PublishedAt!.Value, p.Metadata })
            .ToListAsync(ct);
        var figures = published
            .SelectMany(p => PostAnalytics.Latest(p.Metadata.RootElement)
                .Where(l => only is null || l.Key == only)
                .Select(l => (Post: p, Figures: new PublishedFigures(p.Id, l.Key, p.PublishedAt, l.Value))))
            .ToList();

        var inRange = figures.Where(f => f.Post.PublishedAt >= start && f.Post.PublishedAt < end)
            .OrderByDescending(f => f.Post.PublishedAt).ThenBy(f => f.Figures.Platform)
            .Select(f => ToPost(f.Figures, f.Post.Content))
            .ToList();
        var best = BestTime.Compute(figures.Select(f => f.Figures), zone, now, only);
        var unavailable = await db.SocialConnections.AsNoTracking()
            .Where(c => c.UserId == userId && c.IsActive && c.InsightsUnavailable != null && (only == null || c.Platform == only))
            .Select(c => new { c.Platform, Note = c.InsightsUnavailable! })
            .ToListAsync(ct);

        var data = new InsightsDto(
            Totals(inRange),
            Weeks(inRange, zone),
            inRange,
            [.. inRange.OrderByDescending(p => p.Engagements).ThenByDescending(p => p.Reach).Take(TopPostsCount)],
            new InsightsBestTime(best.EnoughData, best.PostsConsidered, best.CellsCovered, BestTime.MinimumPosts, BestTime.MinimumCells,
                best.Heatmap, [.. best.SuggestedSlots.Select(s => new InsightsSlot(WeekdayNames[s.Weekday], s.Hour, s.EngagementRate, s.Posts))], best.Reason),
            [.. unavailable.Select(u => new InsightsUnavailable(u.Platform, MetricsUnavailable.Describe(u.Note)))]);
        return TypedResults.Ok(Envelope.Of(data, new InsightsMeta(Day(fromDay), Day(toDay), only, zoneId)));
    }

    private static InsightsPost ToPost(PublishedFigures f, string content)
    {
        var m = f.Latest;
        return new InsightsPost(f.PostId, f.Platform, CalendarMonth.Preview(content), f.PublishedAt, m.At, m.Reach, m.Impressions,
            m.Likes, m.Comments, m.Saves, m.Shares, m.Engagements, Math.Round(BestTime.Rate(m), 4));
    }

    private static InsightsTotals Totals(IReadOnlyList<InsightsPost> posts)
    {
        var reach = posts.Sum(p => p.Reach);
        var engagements = posts.Sum(p => p.Engagements);
        return new InsightsTotals(posts.Select(p => p.Id).Distinct().Count(), reach, posts.Sum(p => p.Impressions ?? 0),
            posts.Sum(p => p.Likes), posts.Sum(p => p.Comments), posts.Sum(p => p.Saves ?? 0), posts.Sum(p => p.Shares), engagements,
            reach > 0 ? Math.Round((double)engagements / reach, 4) : 0);
    }

    private static List<InsightsWeek> Weeks(IReadOnlyList<InsightsPost> posts, TimeZoneInfo zone) =>
        [.. posts
            .GroupBy(p => WeekStart(p.PublishedAt, zone))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var reach = g.Sum(p => p.Reach);
                var engagements = g.Sum(p => p.Engagements);
                return new InsightsWeek(Day(g.Key), g.Select(p => p.Id).Distinct().Count(), reach, engagements,
                    reach > 0 ? Math.Round((double)engagements / reach, 4) : 0);
            })];

    private static DateOnly WeekStart(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static DateOnly ParseDay(string? value, string field, DateOnly fallback, List<FieldProblem> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(FieldProblem.Of(field, "Insights.Date"));
        return fallback;
    }

    private static SocialPlatform? Invalid(List<FieldProblem> errors, string field, string message)
    {
        errors.Add(FieldProblem.Of(field, message));
        return null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
