using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;
using SocialPlanner.Localisation;

namespace SocialPlanner.Api.Auth;

public static class AuthApi
{
    private static readonly TimeSpan LogoutRetryAfter = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth").AddEndpointFilter(UseAuthRole);

        api.MapPost("/register", Register).WithName("Register").WithSummary("Create an account and sign in");
        api.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with email and password");
        api.MapPost("/refresh", Refresh).WithName("Refresh").WithSummary("Exchange a refresh token for a new session");
        api.MapPost("/logout", Logout).WithName("Logout").WithSummary("End the current session").RequireAuthorization();
        api.MapPost("/reset-password", ResetPassword).WithName("ResetPassword").WithSummary("Email a password reset link");
        api.MapPost("/reset-password/confirm", ConfirmResetPassword).WithName("ConfirmResetPassword")
            .WithSummary("Set a new password with the emailed token");
        api.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The signed-in user").RequireAuthorization();
        api.MapPatch("/me", UpdateMe).WithName("UpdateMe").WithSummary("Change the user's time zone or language").RequireAuthorization()
            .InvalidatesCalendar();
        api.MapPost("/password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Change the password; the user's other sessions end, this one stays").RequireAuthorization();
        return app;
    }

    /// <summary>Accounts are read across users here (by email), which only the auth role's policies allow.</summary>
    private static ValueTask<object?> UseAuthRole(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<DbSession>().Role = DbRole.Auth;
        return next(context);
    }

    public static async Task<Results<Created<Envelope<AuthResult>>, ApiProblem>> Register(
        RegisterRequest request, IValidator<RegisterRequest> validator, UserManager<AppUser> users, SessionService sessions,
        TimeProvider clock, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var email = request.Email!.Trim();
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, CreatedAt = clock.GetDbNow() };
        if (request.TimeZone is { } zone)
        {
            user.TimeZone = zone;
        }
        // The form's choice, else the browser's (the request culture, chosen from Accept-Language first in the pipeline).
        user.Language = request.Language?.ToLowerInvariant()
            ?? Languages.FromCultureName(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? Languages.Default;

        var created = await users.CreateAsync(user, request.Password!);
        if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return ApiProblem.Conflict("Auth.EmailTaken");
        }
        if (!created.Succeeded)
        {
            return IdentityProblem(created, "email");
        }
        var session = await sessions.StartAsync(user, ct);
        return TypedResults.Created("/api/auth/me", Envelope.Of(new AuthResult(UserDto.From(user), session)));
    }

    public static async Task<Results<Ok<Envelope<AuthResult>>, ApiProblem>> Login(
        CredentialsRequest request, IValidator<CredentialsRequest> validator, HttpContext http, UserManager<AppUser> users,
        AppDbContext db, SignInThrottle throttle, SessionService sessions, TimeProvider clock, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var email = request.Email!.Trim();
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.RetryAfterAsync(ip, email) is { } wait)
        {
            return TooManySignIns(wait);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Verify against a fixed hash anyway so an unknown email costs the same time as a wrong password.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), UnknownUserHash.Value, request.Password!);
            await throttle.RecordFailureAsync(ip, email);
            return BadCredentials();
        }
        if (await users.IsLockedOutAsync(user))
        {
            return TooManySignIns((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow());
        }
        if (!await users.CheckPasswordAsync(user, request.Password!))
        {
            await CountFailureAsync(users, db, user);
            await throttle.RecordFailureAsync(ip, email);
            return BadCredentials();
        }

        await ClearFailuresAsync(users, db, user);
        await throttle.ResetAsync(ip, email);
        var session = await sessions.StartAsync(user, ct);
        return TypedResults.Ok(Envelope.Of(new AuthResult(UserDto.From(user), session)));
    }

    public static async Task<Results<Ok<Envelope<AuthResult>>, ApiProblem>> Refresh(
        RefreshRequest request, IValidator<RefreshRequest> validator, SessionService sessions, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var (user, session) = await sessions.RefreshAsync(request.RefreshToken!, ct);
        return TypedResults.Ok(Envelope.Of(new AuthResult(UserDto.From(user), session)));
    }

    /// <summary>Ends the refresh-token family (Postgres) and denies the access token (Redis). If Redis is unreachable
    /// the refresh tokens are still ended, but the answer is 503 so the client knows this access token stays valid
    /// until it expires, and retries.</summary>
    public static async Task<Results<NoContent, ApiProblem>> Logout(
        ClaimsPrincipal principal, SessionService sessions, AccessTokenDenyList denyList, CancellationToken ct)
    {
        if (Guid.TryParse(principal.FindFirstValue(SessionService.SessionClaim), out var familyId))
        {
            await sessions.RevokeFamilyAsync(familyId, ct);
        }
        if (principal.FindFirstValue(JwtRegisteredClaimNames.Jti) is { } jti
            && long.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp)
            && !await denyList.TryDenyAsync(jti, DateTimeOffset.FromUnixTimeSeconds(exp)))
        {
            return ApiProblem.ServiceUnavailable(ApiText.Of("Auth.LogoutIncomplete"), LogoutRetryAfter);
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Envelope<MessageDto>>, ApiProblem>> ResetPassword(
        ResetPasswordRequest request, IValidator<ResetPasswordRequest> validator, UserManager<AppUser> users, PasswordResetMail mail,
        IOptions<AuthOptions> options, IStringLocalizer<ApiStrings> text, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        // The same answer whether or not the account exists: this endpoint must not tell who is registered.
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is { Email: { } email })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            mail.Send(email, token, TimeSpan.FromMinutes(options.Value.ResetTokenMinutes), user.Language);
        }
        return TypedResults.Ok(Envelope.Of(new MessageDto(text["Auth.ResetEmailSent"])));
    }

    public static async Task<Results<Ok<Envelope<MessageDto>>, ApiProblem>> ConfirmResetPassword(
        ResetPasswordConfirmRequest request, IValidator<ResetPasswordConfirmRequest> validator, UserManager<AppUser> users,
        AppDbContext db, SessionService sessions, IStringLocalizer<ApiStrings> text, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null)
        {
            return InvalidResetToken();
        }
        var reset = await users.ResetPasswordAsync(user, request.Token!, request.NewPassword!);
        if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return InvalidResetToken();
        }
        if (!reset.Succeeded)
        {
            return IdentityProblem(reset, "new_password");
        }

        // Whoever knew the old password may hold sessions: they end with it.
        await sessions.RevokeAllAsync(user.Id, ct);
        await ClearFailuresAsync(users, db, user);
        return TypedResults.Ok(Envelope.Of(new MessageDto(text["Auth.PasswordReset"])));
    }

    public static async Task<Results<Ok<Envelope<MeDto>>, ApiProblem>> GetMe(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(principal.UserId().ToString());
        return user is null ? ApiProblem.Unauthorized() : TypedResults.Ok(Envelope.Of(MeDto.From(user)));
    }

    public static async Task<Results<Ok<Envelope<MeDto>>, ApiProblem>> UpdateMe(
        UpdateMeRequest request, IValidator<UpdateMeRequest> validator, ClaimsPrincipal principal, UserManager<AppUser> users,
        AppDbContext db, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        return await SettingsSave.ApplyAsync(users, db, principal.UserId(), user =>
        {
            if (request.TimeZone is { } zone)
            {
                user.TimeZone = zone;
            }
            if (request.Language is { } language)
            {
                user.Language = language.ToLowerInvariant();
            }
        }, ct);
    }

    /// <summary>The current password is checked like a sign-in (a wrong one counts towards the lockout), so a stolen
    /// access token cannot be used to guess it. A wrong one answers 400 on its field, not 401: the bearer token is
    /// fine, and a 401 would send clients into refreshing it.</summary>
    public static async Task<Results<Ok<Envelope<MessageDto>>, ApiProblem>> ChangePassword(
        ChangePasswordRequest request, IValidator<ChangePasswordRequest> validator, ClaimsPrincipal principal,
        UserManager<AppUser> users, AppDbContext db, SessionService sessions, TimeProvider clock, IStringLocalizer<ApiStrings> text,
        CancellationToken ct)
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
        if (await CheckPasswordAsync(users, db, user, request.CurrentPassword!, "current_password", clock) is { } refused)
        {
            return refused;
        }

        // The policy already passed in the validator; a new security stamp marks the credentials as changed.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword!);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return IdentityProblem(updated, "new_password");
        }

        // Whoever learnt the old password may hold sessions: they end with it. The session asking keeps going.
        if (Guid.TryParse(principal.FindFirstValue(SessionService.SessionClaim), out var familyId))
        {
            await sessions.RevokeAllExceptAsync(user.Id, familyId, ct);
        }
        else
        {
            await sessions.RevokeAllAsync(user.Id, ct);
        }
        return TypedResults.Ok(Envelope.Of(new MessageDto(text["Auth.PasswordChanged"])));
    }

    /// <summary>Null when the password is right; otherwise the answer (on <paramref name="field"/>), after counting the
    /// failure like a sign-in's.</summary>
    internal static async Task<ApiProblem?> CheckPasswordAsync(
        UserManager<AppUser> users, AppDbContext db, AppUser user, string password, string field, TimeProvider clock)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return TooManySignIns((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow());
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await CountFailureAsync(users, db, user);
            return ApiProblem.Validation(field, "Auth.PasswordIncorrect");
        }
        await ClearFailuresAsync(users, db, user);
        return null;
    }

    /// <summary>Counts a wrong password toward the account's lockout. Identity reads the count, adds one and saves it
    /// under the row's concurrency stamp, so wrong passwords arriving together clash and all but one were lost (the
    /// count is what locks an account against guesses from many addresses). A clash is read again and retried.</summary>
    private static Task CountFailureAsync(UserManager<AppUser> users, AppDbContext db, AppUser user) =>
        RetryClashesAsync(db, user, () => users.AccessFailedAsync(user));

    /// <summary>A right password clears the count the same way, or a clash would leave earlier failures counted.</summary>
    private static Task ClearFailuresAsync(UserManager<AppUser> users, AppDbContext db, AppUser user) =>
        RetryClashesAsync(db, user, () => users.ResetAccessFailedCountAsync(user));

    /// <summary>Only a concurrency clash is retried, on a fresh copy of the row; a user deleted meanwhile ends it.</summary>
    private static async Task RetryClashesAsync(AppDbContext db, AppUser user, Func<Task<IdentityResult>> change)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var result = await change();
            if (result.Succeeded || result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return;
            }
            await db.Entry(user).ReloadAsync();
            if (db.Entry(user).State == EntityState.Detached)
            {
                return;
            }
        }
    }

    private static ApiProblem BadCredentials() => ApiProblem.Unauthorized("Auth.BadCredentials");

    private static ApiProblem TooManySignIns(TimeSpan wait) =>
        ApiProblem.TooManyRequests(ApiText.Of("Auth.TooManySignIns"), wait);

    /// <summary>Identity's complaints (already in the request's language, see <see cref="LocalisedIdentityErrors"/>).</summary>
    private static ApiProblem IdentityProblem(IdentityResult result, string field) =>
        ApiProblem.Validation([.. result.Errors.Select(e => FieldProblem.Verbatim(field, e.Description))]);

    private static ApiProblem InvalidResetToken() =>
        ApiProblem.Validation("token", "Auth.ResetLinkInvalid");

    private static readonly Lazy<string> UnknownUserHash =
        new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));
}
