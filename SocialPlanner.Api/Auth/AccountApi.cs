using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using FromBodyAttribute = Microsoft.AspNetCore.Mvc.FromBodyAttribute;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Social;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Publishing;

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
        api.MapPut("/notifications", UpdateNotifications).WithName("UpdateNotifications")
            .WithSummary("Choose which publishing emails to get (a failed post, a network to reconnect); password resets are always sent");
        app.MapDelete("/api/auth/me", DeleteMyAccount).WithTags("Auth").WithName("DeleteMyAccount").RequireAuthorization()
            .WithSummary("Delete the account and everything of it, given the password: posts, media files, templates, connections (their tokens revoked), sessions");
        return app;
    }

    public static async Task<Results<Ok<Envelope<MeDto>>, ApiProblem>> UpdateNotifications(
        UpdateNotificationsRequest request, IValidator<UpdateNotificationsRequest> validator, ClaimsPrincipal principal,
        UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        return await SettingsSave.ApplyAsync(users, db, principal.UserId(), user =>
        {
            user.NotifyPublicationFailed = request.PublicationFailed!.Value;
            user.NotifyReconnectNeeded = request.ReconnectNeeded!.Value;
        }, ct);
    }

    /// <summary>
    /// The password is asked again: a stolen access token must not be enough to destroy an account. Then, in an order
    /// where a failure half-way leaves something the user can simply retry: open publications are cancelled as a
    /// single post's deletion does (so no dispatcher sends a post of an account that no longer exists; one being sent
    /// right now answers 409), the networks are asked to forget our tokens (best effort), the rows go (posts first:
    /// posts_media guards media with RESTRICT; the user's row cascades to the rest, refresh tokens included), then the
    /// media files, and last every access token of the user is denied.
    /// </summary>
    public static async Task<Results<NoContent, ApiProblem>> DeleteMyAccount(
        [FromBody] DeleteAccountRequest request, IValidator<DeleteAccountRequest> validator, ClaimsPrincipal principal,
        UserManager<AppUser> users, AppDbContext db, PublicationScheduler scheduler, PlatformTokenRevoker revoker, IMediaStore store,
        AccessTokenDenyList denyList, TimeProvider clock, ILogger<AccountExport> logger, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var user = await users.FindByIdAsync(principal.UserId().ToString());
        if (user is null)
        {
            return ApiProblem.Unauthorized();
        }
        if (await AuthApi.CheckPasswordAsync(users, db, user, request.Password!, "password", clock) is { } refused)
        {
            return refused;
        }

        var userId = user.Id;
        foreach (var post in await db.Posts.Where(p => p.UserId == userId && p.Publications.Any()).ToListAsync(ct))
        {
            if (await Conflicts.SaveAsync(() => scheduler.OnPostDeletedAsync(post, ct), ConflictSubject.Account, ConflictRetry.Delete) is { } failed)
            {
                return failed;
            }
        }

        await revoker.RevokeAllAsync(userId, ct);

        var media = await db.Media.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        await db.Posts.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);

        foreach (var path in media.SelectMany(MediaPaths.AllFiles))
        {
            try
            {
                await store.DeleteAsync(path, CancellationToken.None);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete {Path} of a deleted account; the media janitor will", path);
            }
        }
        // Every device's token, not only this one: a request from another device signed in as the deleted user answers
        // 401 instead of reaching a handler. Best effort: should Redis be out, those tokens name a user who no longer
        // exists and see nothing until they expire.
        await denyList.TryDenyUserAsync(userId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<FileContentHttpResult, ApiProblem>> ExportMyData(
        ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, IOptions<JsonOptions> json, TimeProvider clock,
        IStringLocalizer<ApiStrings> text, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(principal.UserId().ToString());
        if (user is null)
        {
            return ApiProblem.Unauthorized();
        }
        var now = clock.GetUtcNow();
        var export = await AccountExport.ReadAsync(db, user, now, text["Export.About"], ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions);
        return TypedResults.File(bytes, "application/json", string.Create(CultureInfo.InvariantCulture, $"socialplanner-export-{now:yyyy-MM-dd}.json"));
    }
}
