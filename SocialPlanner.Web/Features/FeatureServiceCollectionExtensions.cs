using SocialPlanner.Web.Features.Calendar;
using SocialPlanner.Web.Features.Insights;
using SocialPlanner.Web.Features.Connections;
using SocialPlanner.Web.Features.Ideas;
using SocialPlanner.Web.Features.Media;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Queue;
using SocialPlanner.Web.Features.Shared;
using SocialPlanner.Web.Features.Templates;

namespace SocialPlanner.Web.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>One typed Api client per feature; each is a thin map of that feature's endpoints.</summary>
    public static IServiceCollection AddFeatureClients(this IServiceCollection services)
    {
        services.AddScoped<UserClock>();
        services.AddScoped<PostsClient>();
        services.AddScoped<AiClient>();
        services.AddScoped<CalendarClient>();
        services.AddScoped<CalendarFeedClient>();
        services.AddScoped<InsightsClient>();
        services.AddScoped<MediaClient>();
        services.AddScoped<TemplatesClient>();
        services.AddScoped<ConnectionsClient>();
        services.AddScoped<QueueClient>();
        services.AddScoped<PublishingPause>();
        return services;
    }
}
