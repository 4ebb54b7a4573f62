namespace SocialPlanner.Core.Publishing;

/// <summary>The <c>Publishing</c> configuration section: how the dispatcher claims, retries and waits.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Rows claimed per round trip.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Publications in flight at once towards one platform, per process.</summary>
    public int MaxConcurrencyPerPlatform { get; set; } = 10;

    /// <summary>Rows per platform a dispatcher may claim beyond its free slots, so a freed slot starts the next one at once
    /// and a burst is claimed in batches (<see cref="DispatchRoom"/>). Their leases are renewed like running ones.</summary>
    public int ClaimAhead { get; set; } = 10;

    /// <summary>How long a claim stays ours without renewal; a crashed worker's rows come back after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a publication that certainly did not go out is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First back-off; each further attempt doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ceiling of one back-off, so a huge Retry-After cannot park a post for days.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pause before asking the platform what an ambiguous send did: it may still be processing it.</summary>
    public TimeSpan ReconcileDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest sleep without a NOTIFY; bounds the damage of a lost notification.</summary>
    public TimeSpan MaxIdleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>LinkedIn posts a member may publish in 24 hours (the spec: 100 posts/day/user); further ones wait, they
    /// never fail. 0 turns the limit off.</summary>
    public int LinkedInDailyPostLimit { get; set; } = 100;

    /// <summary>When an Instagram account is at its daily limit, look again after this long (defer, never fail).</summary>
    public TimeSpan QuotaRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tokens expiring within this window are refreshed before use and by the recurring job.</summary>
    public TimeSpan TokenRefreshAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A failure or reconnect email not confirmed sent this long after it was owed is queued again by the sweeper;
    /// longer than the email job's own retries usually take, so a slow job is rarely doubled.</summary>
    public TimeSpan NoticeRetryAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A publication due longer ago than this and still untouched is reported by the sweeper.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);
}
