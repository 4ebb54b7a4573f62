namespace SocialPlanner.Core.Insights;

/// <summary>The <c>Insights</c> section: when the Worker reads a published post's metrics, and how it paces itself.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>The post's ages at which a reading is taken: the first hour shows the early reach, a day most of it,
    /// then weekly for a month while late shares and comments still arrive.</summary>
    public List<TimeSpan> ReadingAges { get; set; } = [];

    public static readonly IReadOnlyList<TimeSpan> DefaultReadingAges =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(21), TimeSpan.FromDays(28),
    ];

    public IReadOnlyList<TimeSpan> Ages => ReadingAges.Count > 0 ? ReadingAges.Order().ToList() : DefaultReadingAges;

    /// <summary>How often the collector looks for readings due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Publications claimed at once; a claim holds them this long, so a crashed worker's share is retried.</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a connection's readings wait after the platform said "too many requests" without a Retry-After.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a reading waits after a failure that may pass (5xx, timeout), and how often a connection that
    /// lacks the permission is looked at again (cheaply: no platform call until a reconnect clears the note).</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan UnavailableRecheck { get; set; } = TimeSpan.FromDays(1);
}
