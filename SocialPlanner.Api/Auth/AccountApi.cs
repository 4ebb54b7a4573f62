using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Auth;

/// <summary>What a user does with their account as a whole (data-protection rights). Unlike <see cref="AuthApi"/> these
/// run as the user (the app role, row-level security), since they read and remove the user's content, which the auth
/// role may not see.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth/me").WithTags("Auth").RequireAuthorization();

        api.MapGet("/export", ExportMyData).WithName("ExportMyData")
            .WithSummary("Everything stored about the user as a JSON file (no password hash, no platform tokens, media files by name only)");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ApiProblem>> ExportMyData(
        ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, IOptions<JsonOptions> json, TimeProvider clock,
        CancellationToken ct)
    {
        var user = await users.FindByIdAsync(principal.UserId().ToString());
        if (user is null)
        {
            return ApiProblem.Unauthorized();
        }
        var now = clock.GetUtcNow();
        var export = await AccountExport.ReadAsync(db, user, now, ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions);
        return TypedResults.File(bytes, "application/json", string.Create(CultureInfo.InvariantCulture, $"socialplanner-export-{now:yyyy-MM-dd}.json"));
    }
}
