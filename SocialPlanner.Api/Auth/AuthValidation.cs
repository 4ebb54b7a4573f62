using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;

namespace SocialPlanner.Api.Auth;

public static partial class AuthValidation
{
    public static void Required(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Required"));
        }
    }

    public static void Email(List<FieldError> errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new FieldError("email", "Required"));
        }
        else if (email.Length > 254 || !EmailPattern().IsMatch(email))
        {
            errors.Add(new FieldError("email", "Must be a valid email address"));
        }
    }

    /// <summary>Runs Identity's password policy up front so a sign-up answers every field's problem at once.</summary>
    public static async Task PasswordAsync(List<FieldError> errors, string field, string? password, UserManager<AppUser> users, AppUser user)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError(field, "Required"));
            return;
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new FieldError(field, e.Description)));
        }
    }

    /// <summary>The calendar needs an IANA zone (what browsers report), not a Windows one.</summary>
    public static bool IsIanaTimeZone(string? id) =>
        id is { Length: > 0 }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
