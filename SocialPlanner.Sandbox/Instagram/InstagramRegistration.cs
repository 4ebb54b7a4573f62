using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.Instagram;

public static class InstagramRegistration
{
    public static WebApplicationBuilder AddInstagram(this WebApplicationBuilder builder)
    {
        builder.Services.AddResettable<InstagramTokens>();
        builder.Services.AddSingleton<TokenBook>(sp => sp.GetRequiredService<InstagramTokens>());
        builder.Services.AddSingleton<ICallerIdentities>(sp => sp.GetRequiredService<InstagramTokens>());
        builder.Services.AddResettable<InstagramMedia>();
        builder.Services.AddHttpClient<ImageFetcher>();
        return builder;
    }

    /// <summary>Graph paths work with any <c>vNN.0</c> prefix and with none, as both hosts accept.</summary>
    public static IEndpointRouteBuilder MapInstagram(this IEndpointRouteBuilder app)
    {
        app.MapInstagramLogin();
        MapGraph(app.MapGroup(""), "");
        MapGraph(app.MapGroup(@"/{graphVersion:regex(^v\d+\.\d+$)}"), "Versioned");
        return app;
    }

    private static void MapGraph(RouteGroupBuilder graph, string nameSuffix)
    {
        graph.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers["X-App-Usage"] = """{"call_count":1,"total_cputime":1,"total_time":1}""";
            return await next(context);
        });
        graph.MapInstagramTokens(nameSuffix);
        graph.MapInstagramPublishing(nameSuffix);
        graph.MapInstagramInsights(nameSuffix);
    }
}
