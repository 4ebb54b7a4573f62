using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialPlanner.Core.Insights;

public static class InsightsServices
{
    /// <summary>The metrics collector and its platform reader; the host adds the publishing services it relies on
    /// (platform clients, token refresh).</summary>
    public static IServiceCollection AddInsightsCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InsightsOptions>().Bind(configuration.GetSection(InsightsOptions.Section));
        services.AddScoped<PlatformMetricsReader>();
        services.AddScoped<InsightsCollector>();
        return services;
    }
}
