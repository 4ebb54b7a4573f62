using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Auth;

/// <summary>Saves a change to the signed-in user's own settings (time zone, language, notification choices). Identity
/// refuses to write a user changed since it was read (its concurrency stamp), which two settings saved at once meet;
/// the change is then applied again to the user as it now is, so both are kept. A refusal is never answered as saved.</summary>
public static class SettingsSave
{
    private const int Attempts = 5;

    public static async Task<Results<Ok<Envelope<MeDto>>, ApiProblem>> ApplyAsync(
        UserManager<AppUser> users, AppDbContext db, Guid userId, Action<AppUser> change, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        for (var attempt = 1; user is not null; attempt++)
        {
            change(user);
            var saved = await users.UpdateAsync(user);
            if (saved.Succeeded)
            {
                return TypedResults.Ok(Envelope.Of(MeDto.From(user)));
            }
            if (attempt == Attempts || !saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return ApiProblem.Conflict($"Conflict.WhileSaving.{ConflictSubject.Account}", ApiText.Of(ConflictRetry.TryAgain));
            }
            // The store's context still tracks the refused copy: read the user again before applying the change.
            await db.Entry(user).ReloadAsync(ct);
            if (db.Entry(user).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
            {
                user = null;
            }
        }
        return ApiProblem.Unauthorized();
    }
}
