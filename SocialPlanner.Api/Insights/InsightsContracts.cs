using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Insights;

public sealed record InsightsTotals(
    int Posts, long Reach, long Impressions, long Likes, long Comments, long Saves, long Shares, long Engagements, double EngagementRate);

/// <summary>One post on one platform with its latest reading (a post for both networks gives two).</summary>
public sealed record InsightsPost(
    Guid Id, SocialPlatform Platform, string ContentPreview, DateTimeOffset PublishedAt, DateTimeOffset ReadAt,
    long Reach, long? Impressions, long Likes, long Comments, long? Saves, long Shares, long Engagements, double EngagementRate);

/// <summary>A week (Monday, in the user's zone) of the range: what the charts draw.</summary>
public sealed record InsightsWeek(string WeekStart, int Posts, long Reach, long Engagements, double EngagementRate);

public sealed record InsightsSlot(string Weekday, int Hour, double? EngagementRate, int Posts);

public sealed record InsightsBestTime(
    bool EnoughData, int PostsConsidered, int CellsCovered, int MinimumPosts, int MinimumCells,
    double?[][] Heatmap, IReadOnlyList<InsightsSlot> SuggestedSlots, string Reason);

/// <summary>A connected network whose figures the platform does not give (e.g. a missing permission).</summary>
public sealed record InsightsUnavailable(SocialPlatform Platform, string Reason);

public sealed record InsightsDto(
    InsightsTotals Totals, IReadOnlyList<InsightsWeek> Weeks, IReadOnlyList<InsightsPost> Posts, IReadOnlyList<InsightsPost> TopPosts,
    InsightsBestTime BestTime, IReadOnlyList<InsightsUnavailable> Unavailable);

public sealed record InsightsMeta(string From, string To, SocialPlatform? Platform, string TimeZone);
