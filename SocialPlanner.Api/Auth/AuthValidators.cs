using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;

namespace SocialPlanner.Api.Auth;

/// <summary>Sign-up and sign-in send the same body with different rules: one rule set each.</summary>
public sealed class CredentialsValidator : AbstractValidator<CredentialsRequest>
{
    public const string Register = "register";
    public const string Login = "login";

    public CredentialsValidator(UserManager<AppUser> users)
    {
        RuleSet(Register, () =>
        {
            RuleFor(r => r.Email).Email(trimmed: true);
            // Identity's password policy runs up front so a sign-up answers every field's problem at once.
            RuleFor(r => r.Password).Cascade(CascadeMode.Stop)
                .Must(p => !string.IsNullOrEmpty(p)).WithMessage(RequestValidation.Required)
                .CustomAsync(async (password, context, _) =>
                {
                    var email = context.InstanceToValidate.Email?.Trim();
                    var user = new AppUser { UserName = email, Email = email };
                    foreach (var validator in users.PasswordValidators)
                    {
                        var result = await validator.ValidateAsync(users, user, password!);
                        foreach (var error in result.Errors)
                        {
                            context.AddFailure(error.Description);
                        }
                    }
                });
        });
        RuleSet(Login, () =>
        {
            RuleFor(r => r.Email).NotEmpty().WithMessage(RequestValidation.Required);
            RuleFor(r => r.Password).NotEmpty().WithMessage(RequestValidation.Required);
        });
    }
}

public sealed class RefreshValidator : AbstractValidator<RefreshRequest>
{
    public RefreshValidator() => RuleFor(r => r.RefreshToken).NotEmpty().WithMessage(RequestValidation.Required);
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordValidator() => RuleFor(r => r.Email).Email(trimmed: false);
}

public sealed class ResetPasswordConfirmValidator : AbstractValidator<ResetPasswordConfirmRequest>
{
    public ResetPasswordConfirmValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage(RequestValidation.Required);
        RuleFor(r => r.Token).NotEmpty().WithMessage(RequestValidation.Required);
        RuleFor(r => r.NewPassword).NotEmpty().WithMessage(RequestValidation.Required);
    }
}

public sealed class UpdateMeValidator : AbstractValidator<UpdateMeRequest>
{
    public UpdateMeValidator() =>
        RuleFor(r => r.TimeZone).Must(RequestValidation.IsIanaTimeZone).WithMessage(RequestValidation.IanaTimeZone);
}

public static partial class EmailRule
{
    /// <summary>Required, then a plausible address of at most 254 characters. Sign-up checks the address it stores
    /// (trimmed); a reset request checks the text as sent.</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilderInitial<T, string?> rule, bool trimmed) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(RequestValidation.Required)
            .Must(email => (trimmed ? email!.Trim() : email!) is { Length: <= 254 } address && EmailPattern().IsMatch(address))
            .WithMessage("Must be a valid email address");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
