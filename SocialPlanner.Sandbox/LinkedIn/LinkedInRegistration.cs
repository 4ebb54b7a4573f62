using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.LinkedIn;

public static class LinkedInRegistration
{
    public static WebApplicationBuilder AddLinkedIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddResettable<LinkedInTokens>();
        builder.Services.AddSingleton<TokenBook>(sp => sp.GetRequiredService<LinkedInTokens>());
        builder.Services.AddSingleton<ICallerIdentities>(sp => sp.GetRequiredService<LinkedInTokens>());
        builder.Services.AddResettable<LinkedInContent>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLinkedIn(this IEndpointRouteBuilder app)
    {
        app.MapLinkedInOAuth();
        app.MapLinkedInMediaHost();
        var rest = app.MapGroup("/rest").AddEndpointFilter<RestLiHeadersFilter>();
        rest.MapLinkedInPosts();
        rest.MapLinkedInImages();
        rest.MapLinkedInPostAnalytics();
        return app;
    }
}
