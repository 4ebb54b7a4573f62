using System.Diagnostics.Metrics;

namespace SocialPlanner.Core.Ai;

/// <summary>The Meter <c>SocialPlanner.Ai</c>: tokens spent, generation latency, quota denials and cost alerts.</summary>
public sealed class AiMetrics
{
    public const string MeterName = "SocialPlanner.Ai";

    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _quotaDenials;
    private readonly Counter<long> _costAlerts;

    public AiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _tokens = meter.CreateCounter<long>("socialplanner.ai.tokens", "{token}", "Tokens used by AI generations");
        _duration = meter.CreateHistogram<double>("socialplanner.ai.generation.duration", "ms", "How long AI generations take");
        _quotaDenials = meter.CreateCounter<long>("socialplanner.ai.quota.denials", "{request}", "Idea generations refused by the monthly quota");
        _costAlerts = meter.CreateCounter<long>("socialplanner.ai.cost.alerts", "{alert}", "Users whose estimated monthly AI spend crossed the alert");
    }

    public void Generated(GenerationType type, string model, int tokensUsed, int durationMs, bool success)
    {
        var tags = new KeyValuePair<string, object?>[] { new("type", type.ToString()), new("model", model), new("success", success) };
        _tokens.Add(tokensUsed, tags);
        _duration.Record(durationMs, tags);
    }

    public void QuotaDenied() => _quotaDenials.Add(1);

    public void CostAlertRaised() => _costAlerts.Add(1);
}
