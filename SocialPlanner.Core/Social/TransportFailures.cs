using Polly.CircuitBreaker;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Core.Social;

public static class TransportFailures
{
    /// <summary>A publish call that failed without an HTTP answer. Only a failure to connect (or an open circuit,
    /// which never sends) proves the request never left; a timeout or a dropped connection may have been processed.</summary>
    public static PublishOutcome Classify(Exception failure, string platform) => failure switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } =>
            new PublishOutcome.NotSent($"{platform} could not be reached.", true),
        BrokenCircuitException => new PublishOutcome.NotSent($"{platform} is failing; calls to it are paused.", true),
        _ => new PublishOutcome.Ambiguous($"No answer from {platform} after the post was sent ({failure.GetType().Name})."),
    };
}
