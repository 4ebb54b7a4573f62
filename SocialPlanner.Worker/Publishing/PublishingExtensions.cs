using SocialPlanner.Core.Publishing;
using SocialPlanner.Worker.Jobs;

namespace SocialPlanner.Worker.Publishing;

public static class PublishingExtensions
{
    /// <summary>The dispatcher, the publishing services it drives, and its readiness check.</summary>
    public static IHostApplicationBuilder AddPublishingDispatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPublishing(builder.Configuration);
        builder.Services.AddSingleton<DispatcherIdentity>();
        builder.Services.AddSingleton<DispatcherHeartbeat>();
        builder.Services.AddHostedService<PublishingDispatcher>();
        builder.Services.AddHostedService<FirstCommentLoop>();
        builder.Services.AddScoped<TokenRefreshJob>();
        builder.Services.AddScoped<PublicationSweepJob>();
        builder.Services.AddScoped<PublishingEmailJob>();
        builder.Services.AddHealthChecks().AddCheck<DispatcherHealthCheck>("dispatcher", tags: [Extensions.ReadyTag]);
        return builder;
    }
}
