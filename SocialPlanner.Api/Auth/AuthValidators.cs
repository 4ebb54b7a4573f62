using System.Security.Claims;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;
using SocialPlanner.Localisation;

namespace SocialPlanner.Api.Auth;

/// <summary>Sign-up: a usable address, Identity's password policy (run up front so every field's problem is answered at
/// once) and, when the browser sent one, the user's IANA time zone.</summary>
public sealed class RegisterValidator : AbstractValidator<RegisterRequest>
{
    public RegisterValidator(UserManager<AppUser> users)
    {
        RuleFor(r => r.Email).Email(trimmed: true);
        RuleFor(r => r.Password).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrEmpty(p)).WithText(RequestValidation.Required)
            .PasswordPolicy(users, r => r.Email?.Trim());
        RuleFor(r => r.TimeZone).Must(RequestValidation.IsIanaTimeZone).When(r => r.TimeZone is not null)
            .WithText(RequestValidation.IanaTimeZone);
        RuleFor(r => r.Language).Must(Languages.IsSupported).When(r => r.Language is not null)
            .WithText(RequestValidation.SupportedLanguage);
    }
}

public sealed class LoginValidator : AbstractValidator<CredentialsRequest>
{
    public LoginValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithText(RequestValidation.Required);
        RuleFor(r => r.Password).NotEmpty().WithText(RequestValidation.Required);
    }
}

public sealed class RefreshValidator : AbstractValidator<RefreshRequest>
{
    public RefreshValidator() => RuleFor(r => r.RefreshToken).NotEmpty().WithText(RequestValidation.Required);
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordValidator() => RuleFor(r => r.Email).Email(trimmed: false);
}

public sealed class ResetPasswordConfirmValidator : AbstractValidator<ResetPasswordConfirmRequest>
{
    public ResetPasswordConfirmValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithText(RequestValidation.Required);
        RuleFor(r => r.Token).NotEmpty().WithText(RequestValidation.Required);
        RuleFor(r => r.NewPassword).NotEmpty().WithText(RequestValidation.Required);
    }
}

/// <summary>A new password meets the very policy sign-up does, judged against the account's own address (Identity's
/// validators may compare the two). The current password is only required here: whether it is right is the handler's
/// question, since answering it costs a hash and counts towards the lockout.</summary>
public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordValidator(UserManager<AppUser> users, IHttpContextAccessor http)
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithText(RequestValidation.Required);
        RuleFor(r => r.NewPassword).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrEmpty(p)).WithText(RequestValidation.Required)
            .PasswordPolicy(users, _ => http.HttpContext?.User.FindFirstValue(JwtRegisteredClaimNames.Email));
    }
}

public sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountRequest>
{
    public DeleteAccountValidator() => RuleFor(r => r.Password).NotEmpty().WithText(RequestValidation.Required);
}

public sealed class UpdateNotificationsValidator : AbstractValidator<UpdateNotificationsRequest>
{
    public UpdateNotificationsValidator()
    {
        RuleFor(r => r.PublicationFailed).NotNull().WithText(RequestValidation.Required);
        RuleFor(r => r.ReconnectNeeded).NotNull().WithText(RequestValidation.Required);
    }
}

public sealed class UpdateMeValidator : AbstractValidator<UpdateMeRequest>
{
    public UpdateMeValidator()
    {
        RuleFor(r => r.TimeZone).Must(RequestValidation.IsIanaTimeZone).When(r => r.TimeZone is not null || r.Language is null)
            .WithText(RequestValidation.IanaTimeZone);
        RuleFor(r => r.Language).Must(Languages.IsSupported).When(r => r.Language is not null)
            .WithText(RequestValidation.SupportedLanguage);
    }
}

public static class PasswordRule
{
    /// <summary>Every Identity password validator's complaint, each as an error of the rule's field, so one answer
    /// lists all that is wrong with the password.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> PasswordPolicy<T>(
        this IRuleBuilderOptions<T, string?> rule, UserManager<AppUser> users, Func<T, string?> email) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            var address = email(context.InstanceToValidate);
            var user = new AppUser { UserName = address, Email = address };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password!);
                foreach (var error in result.Errors)
                {
                    context.AddFailure(error.Description);
                }
            }
        });
}

public static partial class EmailRule
{
    /// <summary>Required, then a plausible address of at most 254 characters. Sign-up checks the address it stores
    /// (trimmed); a reset request checks the text as sent.</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilderInitial<T, string?> rule, bool trimmed) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithText(RequestValidation.Required)
            .Must(email => (trimmed ? email!.Trim() : email!) is { Length: <= 254 } address && EmailPattern().IsMatch(address))
            .WithText("Validation.Email");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
