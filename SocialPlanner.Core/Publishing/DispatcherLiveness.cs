namespace SocialPlanner.Core.Publishing;

/// <summary>Whether a dispatcher loop is still turning, judged from its last heartbeat. The loop beats at
/// least once per <see cref="PublishingOptions.MaxIdleWait"/>, so twice that plus a margin for a slow round trip
/// means it has stopped or hangs.</summary>
public static class DispatcherLiveness
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    public static TimeSpan Allowed(TimeSpan maxIdleWait) => maxIdleWait * 2 + Margin;

    /// <summary>Why the dispatcher is unhealthy, or null while it beats.</summary>
    public static string? Problem(DateTimeOffset? lastBeat, DateTimeOffset now, TimeSpan maxIdleWait) => lastBeat switch
    {
        null => "The publishing dispatcher has not started.",
        { } beat when now - beat > Allowed(maxIdleWait) => $"The publishing dispatcher last ticked {(now - beat).TotalSeconds:F0} s ago.",
        _ => null,
    };
}
