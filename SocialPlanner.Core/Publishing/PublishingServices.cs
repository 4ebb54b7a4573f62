using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Calendar;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing;

public static class PublishingServices
{
    /// <summary>Everything the dispatcher and the publishing jobs use: the clients, the publishers, token refresh
    /// (which needs the host's <see cref="IPublishingNotifier"/>) and the queue.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSocialPlatforms(configuration);
        services.AddPublishingOptions(configuration);
        services.AddScoped<IPlatformPublisher, LinkedInPublisher>();
        services.AddScoped<IPlatformPublisher, InstagramPublisher>();
        services.AddScoped<SocialTokens>();
        services.AddSingleton<CalendarVersions>();
        services.AddSingleton<PublishingTelemetry>();
        services.AddScoped<PublicationQueue>();
        services.AddScoped<PublicationOutcomes>();
        services.AddScoped<OverdueNotices>();
        services.AddScoped<PublicationSweeper>();
        services.AddScoped<PublicationLoader>();
        services.AddScoped<PublicationProcessor>();
        services.AddScoped<FirstCommentStep>();
        services.AddSingleton<PublicationWrites>();
        services.AddScoped<PublishingEmails>();
        // The emails' texts (IStringLocalizer), also in the Worker, which localises nothing else.
        services.AddLocalization();
        return services;
    }

    /// <summary>The <c>Publishing</c> section, for every host that runs publishing code (the Worker, and the Api's
    /// publish-now and cron endpoints).</summary>
    public static IServiceCollection AddPublishingOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.Section));
        return services;
    }
}
