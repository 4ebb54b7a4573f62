namespace SocialPlanner.Web.Features.Auth;

/// <summary>The Api's session: a short-lived bearer token and the rotating refresh token that renews it.</summary>
public sealed record ApiSession(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

public sealed record ApiUser(Guid Id, string Email, DateTimeOffset CreatedAt, string? Language = null);

public sealed record AuthResult(ApiUser User, ApiSession Session);

public sealed record Me(Guid Id, string Email, string TimeZone, DateTimeOffset CreatedAt, Notifications? Notifications,
    string? Language = null);

/// <summary>Which publishing emails the user wants.</summary>
public sealed record Notifications(bool PublicationFailed, bool ReconnectNeeded);

public sealed record Credentials(string Email, string Password);

/// <summary>Sign-up: the credentials, the browser's IANA time zone (null when it reported none the server knows) and the
/// language the sign-up page was shown in (the browser's, or the one picked on the page).</summary>
public sealed record Registration(string Email, string Password, string? TimeZone, string? Language = null);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ResetPasswordRequest(string Email);

public sealed record ResetPasswordConfirmRequest(string Email, string Token, string NewPassword);

/// <summary>Either setting; a null one is left as it is.</summary>
public sealed record UpdateMeRequest(string? TimeZone, string? Language = null);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record DeleteAccountRequest(string Password);
