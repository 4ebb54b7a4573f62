using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Social;

public static class SocialExtensions
{
    /// <summary>Connecting accounts (platform clients, encrypted tokens, OAuth states), publishing now, and the
    /// queue operations the cron endpoint runs.</summary>
    public static IHostApplicationBuilder AddSocialConnections(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSocialPlatforms(builder.Configuration);
        services.AddPublishingOptions(builder.Configuration);
        var web = builder.Configuration["services:web:http:0"];
        services.AddOptions<SocialOptions>().Bind(builder.Configuration.GetSection(SocialOptions.Section))
            .PostConfigure(o => o.RedirectBaseUrl ??= web is { Length: > 0 } ? new Uri(web) : null);
        services.AddOptions<CronOptions>().Bind(builder.Configuration.GetSection(PublishingOptions.Section));
        services.AddSingleton<OAuthStates>();
        services.AddScoped<SocialConnector>();
        services.AddScoped<PublicationScheduler>();
        services.AddScoped<PlatformTokenRevoker>();
        services.AddScoped<PublicationQueue>();
        services.AddScoped<PublicationOutcomes>();
        services.AddScoped<PublicationSweeper>();
        services.AddSingleton<PublishingTelemetry>();
        return builder;
    }
}
