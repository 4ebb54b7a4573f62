using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialPlanner.Worker.Publishing;

namespace SocialPlanner.Worker.Jobs;

/// <summary>Healthy only while this process's Hangfire server is registered and sending heartbeats.</summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, DispatcherIdentity identity, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var server = storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Name.StartsWith(identity.Owner, StringComparison.Ordinal));
        return Task.FromResult(server switch
        {
            null => HealthCheckResult.Unhealthy("This worker's Hangfire server is not running."),
            { Heartbeat: { } beat } when clock.GetUtcNow().UtcDateTime - beat > MaxHeartbeatAge =>
                HealthCheckResult.Unhealthy("This worker's Hangfire server stopped sending heartbeats."),
            _ => HealthCheckResult.Healthy(),
        });
    }
}
