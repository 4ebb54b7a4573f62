using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>The <c>SocialPlanner.Publishing</c> ActivitySource and Meter: how late posts go out
/// and how attempts end, by platform and reason.</summary>
public sealed class PublishingTelemetry : IDisposable
{
    public const string Name = "SocialPlanner.Publishing";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Histogram<double> _lateness;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _repairs;

    public PublishingTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _lateness = _meter.CreateHistogram<double>("socialplanner.publishing.lateness", "s",
            "Time from a post's scheduled instant to the start of its first send.");
        _outcomes = _meter.CreateCounter<long>("socialplanner.publishing.outcomes", description: "Publish attempts by platform and outcome.");
        _repairs = _meter.CreateCounter<long>("socialplanner.publishing.post_state_repairs",
            description: "Posts whose stored state disagreed with their publications, found and re-derived by the sweeper.");
    }

    public void RecordPostStateRepairs(int count)
    {
        if (count > 0)
        {
            _repairs.Add(count);
        }
    }


    public void RecordLateness(SocialPlatform platform, TimeSpan late) =>
        _lateness.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("platform", Tag(platform)));

    public void RecordOutcome(SocialPlatform platform, PublishOutcome outcome) =>
        _outcomes.Add(1, new("platform", Tag(platform)), new("outcome", OutcomeName(outcome)));

    public static string OutcomeName(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published => "published",
        PublishOutcome.NotSent { Transient: true } => "retryable",
        PublishOutcome.NotSent => "refused",
        PublishOutcome.Ambiguous => "ambiguous",
        PublishOutcome.Unconfirmed => "unconfirmed",
        PublishOutcome.TokenRejected => "token_rejected",
        PublishOutcome.QuotaExhausted => "quota_deferred",
        PublishOutcome.Paused => "paused",
        PublishOutcome.Cancelled => "cancelled",
        PublishOutcome.LeaseLost => "lease_lost",
        _ => "unknown",
    };

    private static string Tag(SocialPlatform platform) => platform == SocialPlatform.Linkedin ? "linkedin" : "instagram";

    public void Dispose() => _meter.Dispose();
}
