using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Worker.Publishing;

/// <summary>Healthy only while the dispatcher loop turns: it beats at least once per idle ceiling (rule 11).</summary>
public sealed class DispatcherHealthCheck(DispatcherHeartbeat heartbeat, TimeProvider clock, IOptions<PublishingOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.MaxIdleWait * 2 + TimeSpan.FromSeconds(10);
        return Task.FromResult(heartbeat.LastBeat switch
        {
            null => HealthCheckResult.Unhealthy("The publishing dispatcher has not started."),
            { } beat when clock.GetUtcNow() - beat > allowed =>
                HealthCheckResult.Unhealthy($"The publishing dispatcher last ticked {(clock.GetUtcNow() - beat).TotalSeconds:F0} s ago."),
            _ => HealthCheckResult.Healthy(),
        });
    }
}
