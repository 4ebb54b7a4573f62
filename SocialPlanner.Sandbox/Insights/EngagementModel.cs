namespace SocialPlanner.Sandbox.Insights;

/// <summary>A post's lifetime figures at a given age, made up but plausible and deterministic: seeded by the post's
/// id (the same post always gives the same numbers at the same age), larger for posts that went out on a weekday
/// morning or late afternoon (UTC), and growing with age along a saturating curve (15 % at once, ~70 % after a day,
/// all of it after a week), so successive readings only grow.</summary>
public static class EngagementModel
{
    public sealed record Figures(long Impressions, long Reach, long Likes, long Comments, long Saves, long Shares);

    public static Figures At(string postId, DateTimeOffset publishedAt, DateTimeOffset now)
    {
        var seed = Seed(postId);
        var hour = publishedAt.UtcDateTime.Hour + publishedAt.UtcDateTime.Minute / 60.0;
        var hourFactor = 0.5 + Math.Exp(-Math.Pow(hour - 8, 2) / 4) + 0.6 * Math.Exp(-Math.Pow(hour - 16, 2) / 4);
        var dayFactor = publishedAt.UtcDateTime.DayOfWeek switch
        {
            DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday => 1.2,
            DayOfWeek.Saturday or DayOfWeek.Sunday => 0.7,
            _ => 1.0,
        };
        var ageHours = Math.Max(0, (now - publishedAt).TotalHours);
        var grown = 0.15 + 0.85 * (1 - Math.Exp(-ageHours / 20));
        var reach = (300 + (double)(seed % 1200)) * hourFactor * dayFactor * grown;

        long Share(double rate) => (long)Math.Round(reach * rate);
        return new Figures(
            Impressions: Share(1.3 + (seed >> 12) % 50 / 100.0),
            Reach: (long)Math.Round(reach),
            Likes: Share(0.03 + (seed >> 20) % 40 / 1000.0),
            Comments: Share(0.004 + (seed >> 28) % 8 / 1000.0),
            Saves: Share(0.005 + (seed >> 36) % 10 / 1000.0),
            Shares: Share(0.002 + (seed >> 44) % 6 / 1000.0));
    }

    /// <summary>FNV-1a: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Seed(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
