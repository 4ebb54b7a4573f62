using SocialPlanner.Core.Auth;

namespace SocialPlanner.Api.Auth;

public sealed record CredentialsRequest(string? Email, string? Password);

/// <summary>Sign-up: the spec's credentials and, optionally, the IANA time zone the browser reports (UTC when absent),
/// so a new account shows and schedules times where the user lives from the first page.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? TimeZone, string? Language = null);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ResetPasswordRequest(string? Email);

public sealed record ResetPasswordConfirmRequest(string? Email, string? Token, string? NewPassword);

/// <summary>Either or both of the user's settings; an absent one is unchanged.</summary>
public sealed record UpdateMeRequest(string? TimeZone, string? Language = null);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeleteAccountRequest(string? Password);

/// <summary>The spec's user; <c>language</c> is our addition (issue #18), so a client can speak it from sign-in on.</summary>
public sealed record UserDto(Guid Id, string Email, DateTimeOffset CreatedAt, string Language)
{
    public static UserDto From(AppUser user) => new(user.Id, user.Email ?? "", user.CreatedAt, user.Language);
}

public sealed record AuthResult(UserDto User, SessionDto Session);

/// <summary>The signed-in user; <c>notifications</c> is our addition: which publishing emails they want.</summary>
public sealed record MeDto(Guid Id, string Email, string TimeZone, DateTimeOffset CreatedAt, NotificationsDto Notifications,
    string Language)
{
    public static MeDto From(AppUser user) => new(user.Id, user.Email ?? "", user.TimeZone, user.CreatedAt,
        new NotificationsDto(user.NotifyPublicationFailed, user.NotifyReconnectNeeded), user.Language);
}

public sealed record NotificationsDto(bool PublicationFailed, bool ReconnectNeeded);

/// <summary>Both choices, always: a form of two checkboxes sends both, and a missing one is a mistake, not "unchanged".</summary>
public sealed record UpdateNotificationsRequest(bool? PublicationFailed, bool? ReconnectNeeded);

public sealed record MessageDto(string Message);
