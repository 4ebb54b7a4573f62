using System.Net;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing;

/// <summary>What one comment call came to.</summary>
public abstract record CommentOutcome
{
    private CommentOutcome() { }

    public sealed record Posted(string Id) : CommentOutcome;

    /// <summary>Certainly not posted, and trying again will not help (a refusal, a dead token).</summary>
    public sealed record Refused(Sentence Reason) : CommentOutcome;

    /// <summary>Certainly not posted; worth another attempt after <see cref="RetryAfter"/> or the back-off.</summary>
    public sealed record NotPosted(Sentence Reason, TimeSpan? RetryAfter = null) : CommentOutcome;

    /// <summary>The call left us and no clear answer came back: it may have been posted.</summary>
    public sealed record Unknown(Sentence Reason) : CommentOutcome;
}

/// <summary>The comment's next state: status, comment id, error (stored in English and in every language, as a
/// publication's is), and when the comment step may take it again.</summary>
public sealed record CommentChange(CommentStatus Status, string? ExternalId, Sentence? Error, DateTimeOffset? DueAt)
{
    public string? ErrorMessage => Error?.InEnglish();

    public string? ErrorTexts => Error?.Translations();
}

/// <summary>The first comment's rules (issue #17 §3), pure: how a platform's answer reads, and what follows from it.
/// The comment never touches its post's publication; an unknown outcome is never re-sent blindly.</summary>
public static class FirstCommentRules
{
    public static CommentOutcome Classify(Exception failure, SocialPlatform platform) => failure switch
    {
        GraphApiException { Status: >= HttpStatusCode.InternalServerError } e => new CommentOutcome.Unknown(PublishingStrings.Failure("CommentAnswered", "Instagram", (int)e.Status)),
        GraphApiException { Code: 190 } or GraphApiException { Status: HttpStatusCode.Unauthorized } =>
            new CommentOutcome.Refused(PublishingStrings.Failure("CommentTokenRefused", "Instagram")),
        GraphApiException { IsTransient: true } or GraphApiException { Status: HttpStatusCode.TooManyRequests } or GraphApiException { Code: 4 or 17 or 32 or 613 } =>
            new CommentOutcome.NotPosted(PublishingStrings.Failure("CommentUnavailable", "Instagram")),
        GraphApiException e => new CommentOutcome.Refused(PublishingStrings.Failure("CommentRefused", "Instagram", e.PlatformMessage)),
        LinkedInApiException { Status: HttpStatusCode.Unauthorized } => new CommentOutcome.Refused(PublishingStrings.Failure("CommentTokenRefused", "LinkedIn")),
        LinkedInApiException { Status: HttpStatusCode.TooManyRequests } e => new CommentOutcome.NotPosted(PublishingStrings.Failure("Throttled", "LinkedIn"), e.RetryAfter),
        LinkedInApiException { Status: >= HttpStatusCode.InternalServerError } e => new CommentOutcome.Unknown(PublishingStrings.Failure("CommentAnswered", "LinkedIn", (int)e.Status)),
        LinkedInApiException e => new CommentOutcome.Refused(PublishingStrings.Failure("CommentRefused", "LinkedIn", e.PlatformMessage)),
        _ => TransportFailures.Classify(failure, PostState.PlatformName(platform)) switch
        {
            PublishOutcome.NotSent n => new CommentOutcome.NotPosted(n.Reason, n.RetryAfter),
            PublishOutcome.Paused p => new CommentOutcome.NotPosted(p.Reason, p.RetryAfter),
            _ => new CommentOutcome.Unknown(PublishingStrings.Failure("CommentNoAnswer", PostState.PlatformName(platform), failure.GetType().Name)),
        },
    };

    /// <summary>The comment's next state after its <paramref name="attempts"/>-th attempt came to <paramref name="outcome"/>.
    /// Instagram lists a post's comments, so an unknown outcome is looked up before any new attempt; an ordinary LinkedIn
    /// app cannot read comments, so there an unknown outcome ends the comment: sending it again could show it twice.</summary>
    public static CommentChange Decide(CommentOutcome outcome, SocialPlatform platform, int attempts, DateTimeOffset now, PublishingOptions options) => outcome switch
    {
        CommentOutcome.Posted p => new(CommentStatus.Published, p.Id, null, null),
        CommentOutcome.Refused r => new(CommentStatus.Failed, null, r.Reason, null),
        CommentOutcome.NotPosted n when attempts >= options.MaxAttempts =>
            new(CommentStatus.Failed, null, PublishingStrings.Failure("CommentGaveUp", n.Reason, attempts), null),
        CommentOutcome.NotPosted n => new(CommentStatus.Pending, null, n.Reason, now + PublicationRules.Backoff(attempts, n.RetryAfter, options)),
        CommentOutcome.Unknown u when platform == SocialPlatform.Linkedin => new(CommentStatus.Failed, null,
            PublishingStrings.Failure("CommentUnconfirmedLinkedIn", u.Reason), null),
        CommentOutcome.Unknown u when attempts >= options.MaxAttempts =>
            new(CommentStatus.Failed, null, PublishingStrings.Failure("CommentGaveUp", u.Reason, attempts), null),
        // Still "sending": the next attempt first looks for the comment among the post's comments.
        CommentOutcome.Unknown u => new(CommentStatus.Sending, null, u.Reason, now + options.ReconcileDelay),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>Our comment among the post's comments: the same text (Instagram lists only what the account may see,
    /// and a professional account's own comment is among them).</summary>
    public static string? FindOwn(IEnumerable<InstagramComment> comments, string text) =>
        comments.FirstOrDefault(c => string.Equals(c.Text?.Trim(), text.Trim(), StringComparison.Ordinal))?.Id;
}
