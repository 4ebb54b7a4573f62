namespace SocialPlanner.Web.Features.Auth;

/// <summary>The Api's session: a short-lived bearer token and the rotating refresh token that renews it.</summary>
public sealed record ApiSession(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

public sealed record ApiUser(Guid Id, string Email, DateTimeOffset CreatedAt);

public sealed record AuthResult(ApiUser User, ApiSession Session);

public sealed record Me(Guid Id, string Email, string TimeZone, DateTimeOffset CreatedAt, Notifications? Notifications);

/// <summary>Which publishing emails the user wants.</summary>
public sealed record Notifications(bool PublicationFailed, bool ReconnectNeeded);

public sealed record Credentials(string Email, string Password);

/// <summary>Sign-up: the credentials and the browser's IANA time zone (null when it reported none the server knows).</summary>
public sealed record Registration(string Email, string Password, string? TimeZone);

public sealed record RefreshRequest(string RefreshToken);

public sealed record ResetPasswordRequest(string Email);

public sealed record ResetPasswordConfirmRequest(string Email, string Token, string NewPassword);

public sealed record UpdateMeRequest(string TimeZone);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record DeleteAccountRequest(string Password);
