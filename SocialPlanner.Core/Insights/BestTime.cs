using SocialPlanner.Core.Social;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Insights;

/// <summary>One published post's figures as the best-time rule sees them.</summary>
public sealed record PublishedFigures(Guid PostId, SocialPlatform Platform, DateTimeOffset PublishedAt, PostMetrics Latest);

/// <summary>A suggested slot in the user's week: <see cref="Weekday"/> 0 is Monday.</summary>
public sealed record SuggestedSlot(int Weekday, int Hour, double? EngagementRate, int Posts);

/// <summary>The best-time answer: a 7×24 heatmap (Monday first, the user's local hours) of the average engagement
/// rate of the posts that went out in each hour, null where none did, and up to three slots to suggest.</summary>
public sealed record BestTimeResult(
    bool EnoughData, int PostsConsidered, int CellsCovered, double?[][] Heatmap, IReadOnlyList<SuggestedSlot> SuggestedSlots, string Reason);

/// <summary>Pure rule: when, in the user's own time zone, their posts earned the best engagement rate.
/// <para>Enough data means at least <see cref="MinimumPosts"/> posts with readings over the last
/// <see cref="Window"/>, spread over at least <see cref="MinimumCells"/> different weekday-hours. Below that one
/// lucky post decides a cell (a user who always posts Tuesdays at 9 learns nothing about other times), so the
/// platforms' general defaults are suggested instead. A cell must hold <see cref="MinimumPostsPerSlot"/> posts to
/// be suggested, for the same reason.</para></summary>
public static class BestTime
{
    public const int MinimumPosts = 20;
    public const int MinimumCells = 8;
    public const int MinimumPostsPerSlot = 2;
    public const int SlotsSuggested = 3;
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>Platform-wide defaults (weekday 0 = Monday, local hour), from Sprout Social's "best times to post"
    /// study (docs/insights.md): LinkedIn Tuesday–Thursday mornings, Instagram late weekday mornings.</summary>
    public static IReadOnlyList<SuggestedSlot> Defaults(SocialPlatform? platform) => platform switch
    {
        SocialPlatform.Linkedin => [new(1, 9, null, 0), new(2, 10, null, 0), new(3, 9, null, 0)],
        SocialPlatform.Instagram => [new(1, 11, null, 0), new(2, 11, null, 0), new(4, 11, null, 0)],
        _ => [new(1, 9, null, 0), new(2, 11, null, 0), new(3, 10, null, 0)],
    };

    public static BestTimeResult Compute(IEnumerable<PublishedFigures> history, TimeZoneInfo zone, DateTimeOffset now, SocialPlatform? platform)
    {
        var since = now - Window;
        var considered = history.Where(f => f.PublishedAt >= since && f.PublishedAt <= now && f.Latest.Reach > 0).ToList();
        var cells = considered
            .GroupBy(f => Cell(f.PublishedAt, zone))
            .ToDictionary(g => g.Key, g => (Rate: g.Average(f => Rate(f.Latest)), Posts: g.Count()));

        var heatmap = Enumerable.Range(0, 7)
            .Select(day => Enumerable.Range(0, 24)
                .Select(hour => cells.TryGetValue((day, hour), out var cell) ? Math.Round(cell.Rate, 4) : (double?)null)
                .ToArray())
            .ToArray();

        if (considered.Count < MinimumPosts || cells.Count < MinimumCells)
        {
            var reason = ResourceTexts<InsightsStrings>.Get("BestTime.NotEnoughData",
                considered.Count, cells.Count, MinimumPosts, MinimumCells, (int)Window.TotalDays);
            return new BestTimeResult(false, considered.Count, cells.Count, heatmap, Defaults(platform), reason);
        }

        var slots = cells
            .Where(c => c.Value.Posts >= MinimumPostsPerSlot)
            .OrderByDescending(c => c.Value.Rate).ThenByDescending(c => c.Value.Posts).ThenBy(c => c.Key.Day).ThenBy(c => c.Key.Hour)
            .Take(SlotsSuggested)
            .Select(c => new SuggestedSlot(c.Key.Day, c.Key.Hour, Math.Round(c.Value.Rate, 4), c.Value.Posts))
            .ToList();
        return slots.Count == 0
            ? new BestTimeResult(false, considered.Count, cells.Count, heatmap, Defaults(platform), ResourceTexts<InsightsStrings>.Get("BestTime.NoRepeatedSlot"))
            : new BestTimeResult(true, considered.Count, cells.Count, heatmap, slots, ResourceTexts<InsightsStrings>.Get("BestTime.FromHistory"));
    }

    /// <summary>(likes + comments + saves + shares) ÷ reach; 0 without reach.</summary>
    public static double Rate(PostMetrics metrics) => metrics.Reach > 0 ? (double)metrics.Engagements / metrics.Reach : 0;

    /// <summary>The local weekday (0 = Monday) and hour of an instant in the zone.</summary>
    public static (int Day, int Hour) Cell(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (((int)local.DayOfWeek + 6) % 7, local.Hour);
    }
}
