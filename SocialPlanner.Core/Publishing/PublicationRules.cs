using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>Pure state transitions of one publication after an attempt.</summary>
public static class PublicationRules
{
    /// <summary>A publication that may or may not be online; Publish now tells it apart by this English text.</summary>
    public static string UnconfirmedMessage => Unconfirmed.InEnglish();

    private static Sentence Unconfirmed => PublishingStrings.Failure("Unconfirmed");

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
                Failed(now, attempts, PublishingStrings.Failure("GaveUp", n.Reason, attempts)),
            PublishOutcome.NotSent n => Failed(now, attempts, n.Reason),
            // Still Sending with no lease: the next claim takes it down the reconciliation path.
            PublishOutcome.Ambiguous a when !exhausted =>
                new(PublicationStatus.Sending, now + ReconcileWait(a.RetryAfter, options), attempts, a.Reason, platformHandle),
            PublishOutcome.Ambiguous => Failed(now, attempts, Unconfirmed),
            PublishOutcome.Unconfirmed => Failed(now, attempts, Unconfirmed),
            PublishOutcome.TokenRejected t => Failed(now, attempts, PublishingStrings.Failure("TokenRejected", t.Reason)),
            // Not an attempt: same count, same path (a reconciliation stays one), due when the breaker lets calls through.
            PublishOutcome.Paused p => new(reconciling ? PublicationStatus.Sending : PublicationStatus.Pending,
                now + p.RetryAfter, attemptsSoFar, p.Reason, platformHandle),
            // A reconciliation stays one here too: a deferral proves nothing about the earlier send.
            PublishOutcome.QuotaExhausted q => new(reconciling ? PublicationStatus.Sending : PublicationStatus.Pending, q.RetryAt,
                attemptsSoFar, PublishingStrings.Failure("QuotaReached"), reconciling ? platformHandle : null),
            PublishOutcome.Cancelled c => new(PublicationStatus.Cancelled, now, attemptsSoFar, c.Reason),
            PublishOutcome.LeaseLost => null,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown publish outcome."),
        };
    }

    /// <summary>A publication given up for good. The user is owed an email from now on: the notice stays
    /// due in the same row until the email job confirms it sent, so a worker dying before it queued the email
    /// cannot lose it (the sweeper queues it again).</summary>
    private static PublicationChange Failed(DateTimeOffset now, int attempts, Sentence message) =>
        new(PublicationStatus.Failed, now, attempts, message, NoticeDueAt: now);

    /// <summary>The wait before the next reconciliation: the platform's Retry-After when longer than the reconcile
    /// delay, never beyond the back-off ceiling (a row waiting in <c>sending</c> cannot be edited, and LinkedIn forgets
    /// duplicates after a day or two).</summary>
    private static TimeSpan ReconcileWait(TimeSpan? retryAfter, PublishingOptions options) => retryAfter switch
    {
        { } wait when wait > options.RetryMaxDelay => options.RetryMaxDelay,
        { } wait when wait > options.ReconcileDelay => wait,
        _ => options.ReconcileDelay,
    };

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
        var target = platform == SocialPlatform.Instagram ? PostPlatform.Instagram : PostPlatform.Linkedin;
        var violations = PlatformRules.For(post, target);
        // The rules say themselves in the current culture: asked again in each language when the reason is stored.
        return violations.Count == 0 ? null
            : new PublishOutcome.NotSent(Sentence.From(() => string.Join("; ", PlatformRules.For(post, target)) + "."), false);
    }

    /// <summary>Rows the dispatcher may still act on; the rest are final.</summary>
    public static bool IsOpen(PublicationStatus status) =>
        status is PublicationStatus.Pending or PublicationStatus.Claimed or PublicationStatus.Sending;
}
