using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>Pure state transitions of one publication after an attempt.</summary>
public static class PublicationRules
{
    public const string UnconfirmedMessage = "Publication unconfirmed — check your account.";

    /// <summary>Decides the row's next state. <paramref name="attemptsSoFar"/> counts earlier failed attempts;
    /// <paramref name="platformHandle"/> is what the attempt left for reconciliation (an Instagram container id);
    /// <paramref name="reconciling"/>: the attempt was a reconciliation, which a pause must not turn into a fresh send.</summary>
    public static PublicationChange? Decide(
        PublishOutcome outcome, int attemptsSoFar, string? platformHandle, DateTimeOffset now, PublishingOptions options,
        bool reconciling = false)
    {
        var attempts = attemptsSoFar + 1;
        var exhausted = attempts >= options.MaxAttempts;
        return outcome switch
        {
            PublishOutcome.Published p => new(PublicationStatus.Published, now, attemptsSoFar, null, p.ExternalId, p.ExternalUrl, now),
            PublishOutcome.NotSent { Transient: true } n when !exhausted =>
                new(PublicationStatus.Pending, now + Backoff(attempts, n.RetryAfter, options), attempts, n.Reason),
            PublishOutcome.NotSent { Transient: true } n =>
                Failed(now, attempts, $"{n.Reason} (gave up after {attempts} attempts)"),
            PublishOutcome.NotSent n => Failed(now, attempts, n.Reason),
            // Still Sending with no lease: the next claim takes it down the reconciliation path.
            PublishOutcome.Ambiguous a when !exhausted =>
                new(PublicationStatus.Sending, now + options.ReconcileDelay, attempts, a.Reason, platformHandle),
            PublishOutcome.Ambiguous => Failed(now, attempts, UnconfirmedMessage),
            PublishOutcome.Unconfirmed => Failed(now, attempts, UnconfirmedMessage),
            PublishOutcome.TokenRejected t => Failed(now, attempts,
                $"{t.Reason} — reconnect your account and reschedule the post."),
            // Not an attempt: same count, same path (a reconciliation stays one), due when the breaker lets calls through.
            PublishOutcome.Paused p => new(reconciling ? PublicationStatus.Sending : PublicationStatus.Pending,
                now + p.RetryAfter, attemptsSoFar, p.Reason, platformHandle),
            PublishOutcome.QuotaExhausted q => new(PublicationStatus.Pending, q.RetryAt, attemptsSoFar,
                "Daily publishing limit reached; the post will go out when the platform allows it."),
            PublishOutcome.Cancelled c => new(PublicationStatus.Cancelled, now, attemptsSoFar, c.Reason),
            PublishOutcome.LeaseLost => null,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown publish outcome."),
        };
    }

    /// <summary>A publication given up for good. The user is owed an email from now on: the notice stays
    /// due in the same row until the email job confirms it sent, so a worker dying before it queued the email
    /// cannot lose it (the sweeper queues it again).</summary>
    private static PublicationChange Failed(DateTimeOffset now, int attempts, string message) =>
        new(PublicationStatus.Failed, now, attempts, message, NoticeDueAt: now);

    /// <summary>Exponential back-off (base × 2^(attempt−1)), never shorter than the platform's Retry-After and
    /// never longer than the configured ceiling.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, PublishingOptions options)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        var delay = retryAfter is { } ra && ra > exponential ? ra : exponential;
        return delay > options.RetryMaxDelay ? options.RetryMaxDelay : delay;
    }

    /// <summary>A post edited past a platform's limits since it was scheduled fails with the rules it breaks instead of
    /// being sent to be refused or silently cut. Null when the post may go out.</summary>
    public static PublishOutcome.NotSent? BrokenPlatformRules(SocialPlatform platform, Post post)
    {
        var violations = PlatformRules.For(post, platform == SocialPlatform.Instagram ? PostPlatform.Instagram : PostPlatform.Linkedin);
        return violations.Count == 0 ? null : new PublishOutcome.NotSent(string.Join("; ", violations) + ".", false);
    }

    /// <summary>Rows the dispatcher may still act on; the rest are final.</summary>
    public static bool IsOpen(PublicationStatus status) =>
        status is PublicationStatus.Pending or PublicationStatus.Claimed or PublicationStatus.Sending;
}
