using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Core.Publishing;

/// <summary>What one attempt learned about a publication. The distinction that matters is whether the platform
/// may have published: only outcomes that certainly did not are retried blindly.</summary>
public abstract record PublishOutcome
{
    private PublishOutcome() { }

    /// <summary>The platform confirmed the post (a fresh success, a recognised duplicate, or a reconciled send).</summary>
    public sealed record Published(string? ExternalId, string? ExternalUrl) : PublishOutcome;

    /// <summary>Certainly not published. <paramref name="Transient"/> failures are retried with back-off.</summary>
    public sealed record NotSent(Sentence Reason, bool Transient, TimeSpan? RetryAfter = null) : PublishOutcome;

    /// <summary>The publish request left us and no answer came back: reconcile, never re-send blindly. Also a
    /// reconciliation that learned nothing (its own calls failed); <paramref name="RetryAfter"/>: what the platform
    /// asked us to wait before the next one.</summary>
    public sealed record Ambiguous(Sentence Reason, TimeSpan? RetryAfter = null) : PublishOutcome;

    /// <summary>Reconciliation could not tell whether the post exists.</summary>
    public sealed record Unconfirmed(Sentence Reason) : PublishOutcome;

    /// <summary>The platform refused our access token; certainly not published, fixed by a refresh.</summary>
    public sealed record TokenRejected(Sentence Reason) : PublishOutcome;

    /// <summary>Our own circuit breaker refused the call: it never left us, so it was not an attempt. The row waits
    /// <paramref name="RetryAfter"/> (until the breaker lets a call through) without spending one (issue #12).</summary>
    public sealed record Paused(Sentence Reason, TimeSpan RetryAfter) : PublishOutcome;

    /// <summary>The account reached its publishing limit: wait, don't fail.</summary>
    public sealed record QuotaExhausted(DateTimeOffset RetryAt) : PublishOutcome;

    /// <summary>Nothing to publish any more: the post was deleted, unscheduled or can no longer be sent.</summary>
    public sealed record Cancelled(Sentence Reason) : PublishOutcome;

    /// <summary>Our lease was taken away (rescheduled, edited, cancelled) before sending: write nothing.</summary>
    public sealed record LeaseLost : PublishOutcome;
}
