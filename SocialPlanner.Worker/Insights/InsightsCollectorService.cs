using Microsoft.Extensions.Options;
using SocialPlanner.Core.Insights;

namespace SocialPlanner.Worker.Insights;

/// <summary>Every <see cref="InsightsOptions.PollInterval"/>, takes the metrics readings that are due, batch after
/// batch until none is left. The due times live on the publications (as the publishing queue does), claimed with
/// SKIP LOCKED, so every worker runs this loop and they share the readings without a lock of their own.</summary>
public sealed partial class InsightsCollectorService(
    IServiceScopeFactory scopes, IOptions<InsightsOptions> options, TimeProvider clock, ILogger<InsightsCollectorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                int claimed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    claimed = await scope.ServiceProvider.GetRequiredService<InsightsCollector>().CollectDueAsync(stoppingToken);
                }
                while (claimed >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Insights: a collection round failed; the next one retries")]
    private partial void LogRoundFailed(Exception exception);
}

public static class InsightsExtensions
{
    public static IHostApplicationBuilder AddInsightsCollector(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInsightsCollection(builder.Configuration);
        builder.Services.AddHostedService<InsightsCollectorService>();
        return builder;
    }
}
