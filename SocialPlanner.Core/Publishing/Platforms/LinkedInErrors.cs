using System.Net;
using System.Text.RegularExpressions;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Turning failures of a LinkedIn post creation into publishing outcomes.</summary>
public static partial class LinkedInErrors
{
    public const string DuplicatePost = "DUPLICATE_POST";

    /// <summary>The existing post a 422 DUPLICATE_POST names ("Content is a duplicate of urn:li:share:…").</summary>
    public static string? DuplicateOf(string message) => UrnPattern().Match(message) is { Success: true } m ? m.Value : null;

    /// <summary>What a failed <c>POST /rest/posts</c> means. The request may have reached LinkedIn unless the
    /// failure proves otherwise: a refused connection, an open circuit, a 429 or a 4xx refusal.</summary>
    /// <param name="maybeOut">An earlier send of this publication may have published it (a reconciliation, or a retry of
    /// a row that was sent before). Only then is a DUPLICATE_POST this post, already out; on a row's first send it names
    /// an earlier post with the same text (the member's own, or another of ours a day before), and this one was
    /// refused: recording it as published would claim a post that never went out.</param>
    /// <param name="couldBeThisPost">False for a post known to be another one (another of ours): even on a later send
    /// the duplicate answer naming it is then a refusal.</param>
    public static PublishOutcome ClassifyPostFailure(Exception failure, bool maybeOut, Func<string, bool>? couldBeThisPost = null) => failure switch
    {
        LinkedInApiException { Status: HttpStatusCode.UnprocessableEntity } e when DuplicateOf(e.PlatformMessage) is { } urn =>
            maybeOut && (couldBeThisPost?.Invoke(urn) ?? true)
                ? new PublishOutcome.Published(urn, PostUrl(urn))
                : new PublishOutcome.NotSent(PublishingStrings.Failure("DuplicateText", "LinkedIn", PostUrl(urn)), false),
        LinkedInApiException { Status: HttpStatusCode.Unauthorized } e => new PublishOutcome.TokenRejected(Sentence.Verbatim(e.PlatformMessage)),
        LinkedInApiException { Status: HttpStatusCode.TooManyRequests } e =>
            new PublishOutcome.NotSent(PublishingStrings.Failure("Throttled", "LinkedIn"), true, e.RetryAfter),
        LinkedInApiException { Status: >= HttpStatusCode.InternalServerError } e =>
            new PublishOutcome.Ambiguous(PublishingStrings.Failure("AnsweredAfterSend", "LinkedIn", (int)e.Status)),
        LinkedInApiException e => new PublishOutcome.NotSent(PublishingStrings.Failure("RefusedPost", "LinkedIn", e.PlatformMessage), false),
        _ => TransportFailures.Classify(failure, "LinkedIn"),
    };

    /// <summary>Failures of the calls before the publish (image upload): nothing was posted, so all are retryable
    /// except a refusal of the content itself.</summary>
    public static PublishOutcome ClassifyPreparationFailure(Exception failure) => failure switch
    {
        LinkedInApiException { Status: HttpStatusCode.Unauthorized } e => new PublishOutcome.TokenRejected(Sentence.Verbatim(e.PlatformMessage)),
        LinkedInApiException { Status: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } e =>
            new PublishOutcome.NotSent(PublishingStrings.Failure("ImageUploadFailed", "LinkedIn", (int)e.Status), true, e.RetryAfter),
        LinkedInApiException e => new PublishOutcome.NotSent(PublishingStrings.Failure("RefusedImage", "LinkedIn", e.PlatformMessage), false),
        _ => TransportFailures.Paused(failure, "LinkedIn") ?? new PublishOutcome.NotSent(PublishingStrings.Failure("UnreachableBecause", "LinkedIn", failure.Message), true),
    };

    public static string PostUrl(string urn) => $"https://www.linkedin.com/feed/update/{urn}/";

    [GeneratedRegex(@"urn:li:(share|ugcPost):[A-Za-z0-9_-]+")]
    private static partial Regex UrnPattern();
}
