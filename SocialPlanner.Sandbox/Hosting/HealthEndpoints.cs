namespace SocialPlanner.Sandbox.Hosting;

/// <summary>
/// Stand-in for ServiceDefaults' MapDefaultEndpoints until that project is filled in;
/// delete this file once <c>app.MapDefaultEndpoints()</c> exists.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapSandboxHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Text("Healthy")).ExcludeFromDescription();
        app.MapGet("/alive", () => TypedResults.Text("Healthy")).ExcludeFromDescription();
        return app;
    }
}
