using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

/// <summary>
/// Aspire checks a resource that is not yet healthy again after 1 s, then 2 s, 3 s, 4 s and 5 s. Each `WaitFor` in our
/// start-up chain (Postgres → its database → migrations → Api and Worker) then waits up to several seconds for a
/// service that has long been up. Every health check of the AppHost is wrapped so that, while it is unhealthy, it asks
/// again every 100 ms for up to <see cref="Patience"/> before answering: a resource is seen healthy within 100 ms of
/// becoming so during start-up, and a resource that stays down is still reported unhealthy after that time.
/// </summary>
internal static class StartupHealthChecks
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    public static IDistributedApplicationBuilder AskHealthChecksPatiently(this IDistributedApplicationBuilder builder)
    {
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var inner = registration.Factory;
                registration.Factory = services => new Patient(inner(services));
            }
        });
        return builder;
    }

    private sealed class Patient(IHealthCheck inner) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                HealthCheckResult result;
                try
                {
                    result = await inner.CheckHealthAsync(context, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    result = new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
                }
                if (result.Status == HealthStatus.Healthy || Stopwatch.GetElapsedTime(started) + Step >= Patience)
                {
                    return result;
                }
                await Task.Delay(Step, cancellationToken);
            }
        }
    }
}
