namespace SocialPlanner.Web.Features.Auth;

/// <summary>What the sign-in and sign-up forms post.</summary>
public sealed class CredentialsForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Filled by the page's script with the browser's IANA zone (wwwroot/app.js); sign-up only.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language chosen on the sign-up page ("en", "fr"); sign-up only.</summary>
    public string? Language { get; set; }
}
