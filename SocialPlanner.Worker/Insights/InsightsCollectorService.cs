using Microsoft.Extensions.Options;
using SocialPlanner.Core.Insights;
using SocialPlanner.Worker.Hosting;

namespace SocialPlanner.Worker.Insights;

/// <summary>Every <see cref="InsightsOptions.PollInterval"/>, takes the metrics readings that are due, batch after
/// batch until none is left. The due times live on the publications (as the publishing queue does), claimed with
/// SKIP LOCKED, so every worker runs this loop and they share the readings without a lock of their own.</summary>
public sealed class InsightsCollectorService(
    IServiceScopeFactory scopes, IOptions<InsightsOptions> options, TimeProvider clock, ILogger<InsightsCollectorService> logger)
    : BatchLoop(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override int BatchSize => options.Value.BatchSize;

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<InsightsCollector>().CollectDueAsync(cancellationToken);
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
