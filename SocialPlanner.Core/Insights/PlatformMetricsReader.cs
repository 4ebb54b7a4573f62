using System.Net;
using Polly.CircuitBreaker;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Insights;

/// <summary>What became of one attempt to read a post's metrics.</summary>
public abstract record MetricsAnswer
{
    public sealed record Read(PostMetrics Metrics) : MetricsAnswer;

    /// <summary>The platform asked us to slow down: nothing more for this connection until <see cref="Wait"/> passed.</summary>
    public sealed record RateLimited(TimeSpan? Wait) : MetricsAnswer;

    /// <summary>The connection lacks the permission: recorded once, no more calls until a reconnect.</summary>
    public sealed record MissingPermission(string Scope) : MetricsAnswer;

    /// <summary>May pass (5xx, timeout, open circuit, refused token): try again later.</summary>
    public sealed record Failed(string Reason) : MetricsAnswer;

    /// <summary>The platform will never answer for this post (deleted, unknown id): its schedule moves on.</summary>
    public sealed record Gone(string Reason) : MetricsAnswer;
}

/// <summary>Reads one published post's lifetime figures from its platform and maps errors onto what the collector
/// does next. The endpoints and their unconfirmed parts are described in docs/insights.md.</summary>
public sealed class PlatformMetricsReader(LinkedInClient linkedIn, InstagramClient instagram, TimeProvider clock)
{
    /// <summary>Instagram's media metrics since April 2025 (impressions retired for new media; see docs/insights.md).</summary>
    public const string InstagramMetrics = "reach,likes,comments,saved,shares";

    public static readonly string[] LinkedInMetrics = ["IMPRESSION", "MEMBERS_REACHED", "REACTION", "COMMENT", "RESHARE"];

    public async Task<MetricsAnswer> ReadAsync(SocialPlatform platform, string externalId, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            return new MetricsAnswer.Read(platform == SocialPlatform.Instagram
                ? await ReadInstagramAsync(externalId, accessToken, cancellationToken)
                : await ReadLinkedInAsync(externalId, accessToken, cancellationToken));
        }
        catch (GraphApiException e)
        {
            return Instagram(e);
        }
        catch (LinkedInApiException e)
        {
            return LinkedIn(e);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException
            || (e is TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested))
        {
            return new MetricsAnswer.Failed($"{PlatformName(platform)} did not answer ({e.GetType().Name}).");
        }
    }

    private async Task<PostMetrics> ReadInstagramAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        var values = await instagram.GetMediaInsightsAsync(mediaId, accessToken, InstagramMetrics, cancellationToken);
        long Value(string name) => values.GetValueOrDefault(name);
        return new PostMetrics(clock.GetUtcNow(), Value("reach"), null, Value("likes"), Value("comments"), Value("saved"), Value("shares"));
    }

    private async Task<PostMetrics> ReadLinkedInAsync(string postUrn, string accessToken, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var metric in LinkedInMetrics)
        {
            values[metric] = await linkedIn.GetPostAnalyticsAsync(postUrn, accessToken, metric, cancellationToken);
        }
        return new PostMetrics(clock.GetUtcNow(), values["MEMBERS_REACHED"], values["IMPRESSION"], values["REACTION"], values["COMMENT"], null, values["RESHARE"]);
    }

    /// <summary>Graph codes: 10 and 200–299 permissions; 4, 17, 32, 613 and 80001–80014 rate limits; 100 with an
    /// unknown id, or 803, an object that is gone.</summary>
    private static MetricsAnswer Instagram(GraphApiException e) => e switch
    {
        { Code: 10 } or { Code: >= 200 and < 300 } or { Status: HttpStatusCode.Forbidden } =>
            new MetricsAnswer.MissingPermission(MetricsUnavailable.InstagramScope),
        { Code: 4 or 17 or 32 or 613 or (>= 80001 and <= 80014) } or { Status: HttpStatusCode.TooManyRequests } => new MetricsAnswer.RateLimited(null),
        { Code: 100 or 803, Status: HttpStatusCode.BadRequest or HttpStatusCode.NotFound } => new MetricsAnswer.Gone(e.PlatformMessage),
        _ => new MetricsAnswer.Failed(e.Message),
    };

    private static MetricsAnswer LinkedIn(LinkedInApiException e) => e.Status switch
    {
        HttpStatusCode.Forbidden => new MetricsAnswer.MissingPermission(MetricsUnavailable.LinkedInScope),
        HttpStatusCode.TooManyRequests => new MetricsAnswer.RateLimited(e.RetryAfter),
        HttpStatusCode.NotFound => new MetricsAnswer.Gone(e.PlatformMessage),
        _ => new MetricsAnswer.Failed(e.Message),
    };

    private static string PlatformName(SocialPlatform platform) => platform == SocialPlatform.Instagram ? "Instagram" : "LinkedIn";
}
