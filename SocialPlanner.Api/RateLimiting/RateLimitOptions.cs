namespace SocialPlanner.Api.RateLimiting;

/// <summary>The spec's limits (API Design Principles → Rate Limiting), per minute, shared by every Api replica.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Per signed-in user, or per client IP for anonymous requests.</summary>
    public int PerUserPerMinute { get; set; } = 100;

    /// <summary>Per user on <c>/api/ai/*</c>, on top of the per-user limit.</summary>
    public int AiPerUserPerMinute { get; set; } = 10;

    /// <summary>All requests of all users together (DDoS protection).</summary>
    public int GlobalPerMinute { get; set; } = 1_000;
}
