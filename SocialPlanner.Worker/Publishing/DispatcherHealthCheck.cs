using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Worker.Publishing;

/// <summary>Healthy only while the dispatcher loop turns, not merely while the process lives.</summary>
public sealed class DispatcherHealthCheck(DispatcherHeartbeat heartbeat, TimeProvider clock, IOptions<PublishingOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(DispatcherLiveness.Problem(heartbeat.LastBeat, clock.GetUtcNow(), options.Value.MaxIdleWait) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy());
}
