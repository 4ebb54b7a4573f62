using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SocialPlanner.Api.Infrastructure;

namespace SocialPlanner.Api.Auth;

/// <summary>Identity's complaints (the password policy above all) in the request's language: Identity ships English
/// only. Codes stay Identity's, so handlers still switch on them; the English texts are Identity's own.</summary>
public sealed class LocalisedIdentityErrors(IStringLocalizer<ApiStrings> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Localise(base.DefaultError());
    public override IdentityError PasswordMismatch() => Localise(base.PasswordMismatch());
    public override IdentityError InvalidToken() => Localise(base.InvalidToken());
    public override IdentityError InvalidUserName(string? userName) => Localise(base.InvalidUserName(userName), userName);
    public override IdentityError InvalidEmail(string? email) => Localise(base.InvalidEmail(email), email);
    public override IdentityError DuplicateUserName(string userName) => Localise(base.DuplicateUserName(userName), userName);
    public override IdentityError DuplicateEmail(string email) => Localise(base.DuplicateEmail(email), email);
    public override IdentityError PasswordTooShort(int length) => Localise(base.PasswordTooShort(length), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Localise(base.PasswordRequiresUniqueChars(uniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Localise(base.PasswordRequiresNonAlphanumeric());
    public override IdentityError PasswordRequiresDigit() => Localise(base.PasswordRequiresDigit());
    public override IdentityError PasswordRequiresLower() => Localise(base.PasswordRequiresLower());
    public override IdentityError PasswordRequiresUpper() => Localise(base.PasswordRequiresUpper());

    private IdentityError Localise(IdentityError error, params object?[] values)
    {
        error.Description = localizer[$"Identity.{error.Code}", [.. values.Select(v => v ?? "")]];
        return error;
    }
}
