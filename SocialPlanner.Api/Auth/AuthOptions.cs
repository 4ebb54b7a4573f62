namespace SocialPlanner.Api.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Issuer = "socialplanner-api";
    public const string Audience = "socialplanner";

    /// <summary>HS256 key, at least 32 bytes; the Api refuses to start outside Development without one.</summary>
    public string SigningKey { get; set; } = "";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;
    public int ResetTokenMinutes { get; set; } = 60;
    /// <summary>Failed sign-ins per IP and email before answering 429, and before Identity locks the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public int SignInLockoutMinutes { get; set; } = 15;
}
