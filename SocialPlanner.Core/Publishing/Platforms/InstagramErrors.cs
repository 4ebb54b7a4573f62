using System.Net;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Turning Graph API failures into publishing outcomes (platform-apis §2.7).</summary>
public static class InstagramErrors
{
    private const int ExpiredOrInvalidToken = 190;
    private const int PublishingLimitCode = 9;
    private const int PublishingLimitSubcode = 2207042;
    private static readonly HashSet<int> ThrottlingCodes = [4, 17, 32, 613, 80002];
    /// <summary>Errors the error-codes page says to retry (server error, download timeout, temporary publish error, not ready).</summary>
    private static readonly HashSet<int> RetryableSubcodes = [2207001, 2207003, 2207008, 2207027, 2207032];

    public static bool IsPublishingLimit(GraphApiException e) => e.Code == PublishingLimitCode || e.Subcode == PublishingLimitSubcode;

    /// <summary>Failures before <c>media_publish</c> (quota read, container creation, status polls): nothing was
    /// published, so every transient one is retried.</summary>
    public static PublishOutcome ClassifyPreparation(Exception failure, DateTimeOffset now, TimeSpan quotaRetry) => failure switch
    {
        GraphApiException e => ClassifyAnswer(e, now, quotaRetry) ?? new PublishOutcome.NotSent(PublishingStrings.Failure("RefusedPost", "Instagram", e.PlatformMessage), false),
        _ => TransportFailures.Paused(failure, "Instagram") ?? new PublishOutcome.NotSent(PublishingStrings.Failure("UnreachableBecause", "Instagram", failure.Message), true),
    };

    /// <summary>Failures of <c>media_publish</c>: an error answer means Instagram did not publish; no answer (or a
    /// 5xx) may mean it did.</summary>
    public static PublishOutcome ClassifyPublish(Exception failure, DateTimeOffset now, TimeSpan quotaRetry) => failure switch
    {
        GraphApiException { Status: >= HttpStatusCode.InternalServerError } e =>
            new PublishOutcome.Ambiguous(PublishingStrings.Failure("AnsweredAfterSend", "Instagram", (int)e.Status)),
        GraphApiException e => ClassifyAnswer(e, now, quotaRetry) ?? new PublishOutcome.NotSent(PublishingStrings.Failure("RefusedPost", "Instagram", e.PlatformMessage), false),
        _ => TransportFailures.Classify(failure, "Instagram"),
    };

    private static PublishOutcome? ClassifyAnswer(GraphApiException e, DateTimeOffset now, TimeSpan quotaRetry)
    {
        if (IsPublishingLimit(e))
        {
            return new PublishOutcome.QuotaExhausted(now + quotaRetry);
        }
        if (e.Code == ExpiredOrInvalidToken || e.Status == HttpStatusCode.Unauthorized)
        {
            return new PublishOutcome.TokenRejected(Sentence.Verbatim(e.PlatformMessage));
        }
        if (e.IsTransient || e.Status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
            || e.Code is { } code && ThrottlingCodes.Contains(code) || e.Subcode is { } sub && RetryableSubcodes.Contains(sub))
        {
            return new PublishOutcome.NotSent(PublishingStrings.Failure("TemporarilyUnavailable", "Instagram", e.PlatformMessage), true);
        }
        return null;
    }
}
