using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary><c>/health</c> from a recent result: the framework's health-check publisher runs every check every
/// <see cref="Period"/> and hands the report here, and probes read it, so a storm of probes (load balancers, the
/// dashboard, an attacker) costs no query to Postgres or Redis. Before the first report, or should the publisher
/// stall past <see cref="MaxAge"/>, one probe runs the checks itself while the others wait for that result.</summary>
internal sealed class RecentHealth(HealthCheckService checks, TimeProvider clock) : IHealthCheckPublisher
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _latest;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _latest = new Snapshot(report, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task<(HealthReport Report, DateTimeOffset CheckedAt)> ReadAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return (fresh.Report, fresh.CheckedAt);
        }
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return (refreshed.Report, refreshed.CheckedAt);
            }
            var report = await checks.CheckHealthAsync(cancellationToken);
            var snapshot = new Snapshot(report, clock.GetUtcNow());
            _latest = snapshot;
            return (snapshot.Report, snapshot.CheckedAt);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Writes the report (200 unless Unhealthy, then 503), with when it was taken.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        var recent = context.RequestServices.GetRequiredService<RecentHealth>();
        var (report, checkedAt) = await recent.ReadAsync(context.RequestAborted);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store";
        await HealthResponseWriter.WriteAsync(context, report, checkedAt);
    }

    private Snapshot? Fresh() => _latest is { } snapshot && clock.GetUtcNow() - snapshot.CheckedAt <= MaxAge ? snapshot : null;

    private sealed record Snapshot(HealthReport Report, DateTimeOffset CheckedAt);
}
