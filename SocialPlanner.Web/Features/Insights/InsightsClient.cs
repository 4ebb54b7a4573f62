using System.Globalization;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Insights;

public enum Network { Linkedin, Instagram }

public sealed record InsightsTotals(
    int Posts, long Reach, long Impressions, long Likes, long Comments, long Saves, long Shares, long Engagements, double EngagementRate);

public sealed record InsightsPost(
    Guid Id, Network Platform, string ContentPreview, DateTimeOffset PublishedAt, DateTimeOffset ReadAt,
    long Reach, long? Impressions, long Likes, long Comments, long? Saves, long Shares, long Engagements, double EngagementRate);

public sealed record InsightsWeek(string WeekStart, int Posts, long Reach, long Engagements, double EngagementRate);

public sealed record InsightsSlot(string Weekday, int Hour, double? EngagementRate, int Posts);

public sealed record InsightsBestTime(
    bool EnoughData, int PostsConsidered, int CellsCovered, int MinimumPosts, int MinimumCells,
    double?[][] Heatmap, IReadOnlyList<InsightsSlot> SuggestedSlots, string Reason);

public sealed record InsightsUnavailable(Network Platform, string Reason);

public sealed record InsightsData(
    InsightsTotals Totals, IReadOnlyList<InsightsWeek> Weeks, IReadOnlyList<InsightsPost> Posts, IReadOnlyList<InsightsPost> TopPosts,
    InsightsBestTime BestTime, IReadOnlyList<InsightsUnavailable> Unavailable);

/// <summary>The Api's <c>GET /api/insights</c>.</summary>
public sealed class InsightsClient(ApiHttp http)
{
    public async Task<InsightsData> GetAsync(DateOnly from, DateOnly to, Network? platform, CancellationToken ct = default)
    {
        var query = $"/api/insights?from={Day(from)}&to={Day(to)}";
        if (platform is { } only)
        {
            query += "&platform=" + (only == Network.Instagram ? "instagram" : "linkedin");
        }
        return (await http.GetAsync<InsightsData>(query, ct)).Data;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
