using Polly.CircuitBreaker;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing.Platforms;

public static class TransportFailures
{
    /// <summary>How long the platform clients' circuit breaker stays open once it trips: a paused publication
    /// waits exactly as long.</summary>
    public static TimeSpan BreakDuration => SocialPlatformsExtensions.CircuitBreakDuration;

    /// <summary>A publish call that failed without an HTTP answer. Only a failure to connect (or an open circuit,
    /// which never sends) proves the request never left; a timeout or a dropped connection may have been processed.</summary>
    public static PublishOutcome Classify(Exception failure, string platform) => failure switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } =>
            new PublishOutcome.NotSent(PublishingStrings.Failure("Unreachable", platform), true),
        _ => Paused(failure, platform)
            ?? new PublishOutcome.Ambiguous(PublishingStrings.Failure("NoAnswerAfterSend", platform, failure.GetType().Name)),
    };

    /// <summary>Our circuit breaker refused the call (at any step: upload, container, publish, reconciliation): it
    /// never reached the platform, so it is no attempt; the publication waits for the breaker. Null for anything else.</summary>
    public static PublishOutcome? Paused(Exception failure, string platform) => failure is BrokenCircuitException
        ? new PublishOutcome.Paused(PublishingStrings.Failure("CircuitOpen", platform), BreakDuration)
        : null;
}
