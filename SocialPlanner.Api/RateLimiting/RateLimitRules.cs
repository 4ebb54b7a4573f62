using System.Globalization;

namespace SocialPlanner.Api.RateLimiting;

/// <summary>One counter a request counts against.</summary>
public sealed record Limit(string Name, string Key, int PerMinute);

/// <summary>A counter's state after the request: <see cref="Count"/> requests in the current window.</summary>
public sealed record LimitCount(Limit Limit, long Count)
{
    public long Remaining => Math.Max(0, Limit.PerMinute - Count);
}

/// <summary>The outcome for one request: allowed or not, and the limit its headers describe.</summary>
public sealed record RateLimitDecision(bool Allowed, LimitCount Reported, DateTimeOffset ResetsAt);

/// <summary>Pure rules: which fixed one-minute windows a request counts in, and what it is told.</summary>
public static class RateLimitRules
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static long WindowNumber(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    public static DateTimeOffset WindowEnd(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((WindowNumber(now) + 1) * (long)Window.TotalSeconds);

    /// <summary>The API's paths are limited; health probes and documentation are not.</summary>
    public static bool Applies(PathString path) => path.StartsWithSegments("/api");

    public static IReadOnlyList<Limit> For(RateLimitOptions options, PathString path, Guid? userId, string? clientIp, DateTimeOffset now)
    {
        var window = WindowNumber(now).ToString(CultureInfo.InvariantCulture);
        var caller = userId is { } id ? $"user:{id:N}" : $"ip:{clientIp ?? "unknown"}";
        var limits = new List<Limit>
        {
            new("global", $"rl:{window}:global", options.GlobalPerMinute),
            userId is null
                ? new("ip", $"rl:{window}:{caller}", options.AnonymousPerMinute ?? options.PerUserPerMinute)
                : new("user", $"rl:{window}:{caller}", options.PerUserPerMinute),
        };
        // The AI limit guards generations; reading the allowance (shown on the home page) is an ordinary request.
        if (path.StartsWithSegments("/api/ai") && !path.Equals("/api/ai/quota", StringComparison.OrdinalIgnoreCase))
        {
            limits.Add(new("ai", $"rl:{window}:ai:{caller}", options.AiPerUserPerMinute));
        }
        return limits;
    }

    /// <summary>Denied by the first exhausted limit; otherwise the headers describe the most restrictive one (the
    /// fewest requests left, then the smallest limit).</summary>
    public static RateLimitDecision Decide(IReadOnlyList<LimitCount> counts, bool allowed, DateTimeOffset now)
    {
        var reported = allowed
            ? counts.OrderBy(c => c.Remaining).ThenBy(c => c.Limit.PerMinute).First()
            : counts.First(c => c.Count >= c.Limit.PerMinute);
        return new RateLimitDecision(allowed, reported, WindowEnd(now));
    }
}
