using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

public static class AuthEndpoints
{
    private const string ExportFileName = "socialplanner-export.json";

    /// <summary>Sign-out is a form POST (antiforgery-checked) because clearing a cookie needs an HTTP response, not a circuit.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, WebSession session) =>
        {
            await session.SignOutAsync(http);
            return TypedResults.LocalRedirect("~/login");
        });

        // A download is a plain browser request, which a circuit cannot answer: the Web streams the Api's file on with the
        // user's token, which never reaches the browser. Errors keep the Api's shape and status.
        app.MapGet("/account/export", async (HttpContext http, AuthClient auth, CancellationToken ct) =>
        {
            try
            {
                var response = await auth.OpenExportAsync(ct);
                http.Response.RegisterForDispose(response);
                var disposition = response.Content.Headers.ContentDisposition;
                return Results.Stream(await response.Content.ReadAsStreamAsync(ct), "application/json",
                    disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? ExportFileName);
            }
            catch (ApiException e)
            {
                return Results.Json(new { error = e.Problem }, ApiJson.Options, statusCode: e.Status);
            }
        }).RequireAuthorization();
        // Settings saves the language in the Api, then comes here: the culture cookie needs an HTTP response, and the
        // page must reload for a new circuit to take the new culture.
        app.MapGet("/account/language/{code}", (HttpContext http, string code, string? returnUrl) =>
        {
            UserLanguage.Remember(http, code);
            return TypedResults.LocalRedirect("~" + ReturnUrl.Local(returnUrl));
        });
        return app;
    }
}
