namespace SocialPlanner.Web.Features.Auth;

public static class AuthEndpoints
{
    /// <summary>Sign-out is a form POST (antiforgery-checked) because clearing a cookie needs an HTTP response, not a circuit.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, WebSession session) =>
        {
            await session.SignOutAsync(http);
            return TypedResults.LocalRedirect("~/login");
        });
        return app;
    }
}
