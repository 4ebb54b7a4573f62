namespace SocialPlanner.Api.RateLimiting;

/// <summary>The spec's limits (API Design Principles → Rate Limiting), per minute, shared by every Api replica.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Per signed-in user.</summary>
    public int PerUserPerMinute { get; set; } = 100;

    /// <summary>Per client IP for anonymous requests (sign-up, sign-in, password reset); the spec's per-user figure
    /// unless configured, e.g. higher behind a NAT or for a test suite that signs up from one address.</summary>
    public int? AnonymousPerMinute { get; set; }

    /// <summary>Per user on <c>/api/ai/*</c>, on top of the per-user limit.</summary>
    public int AiPerUserPerMinute { get; set; } = 10;

    /// <summary>All requests of all users together (DDoS protection).</summary>
    public int GlobalPerMinute { get; set; } = 1_000;
}
