namespace SocialPlanner.Core.Social.LinkedIn;

/// <summary>The <c>LinkedIn</c> configuration section. Unset endpoints and credentials fall back to the sandbox
/// when one is discovered (<c>services:sandbox:http:0</c>), so a fresh clone needs no key.</summary>
public sealed class LinkedInOptions
{
    public const string Section = "LinkedIn";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public Uri? AuthorizeUrl { get; set; }
    public Uri? TokenUrl { get; set; }
    /// <summary>Token revocation, called when an account is deleted. Not in platform-apis.md: the address is
    /// unconfirmed (docs/architecture.md, "Account endpoints").</summary>
    public Uri? RevokeUrl { get; set; }
    /// <summary>Root of <c>/v2/userinfo</c> and <c>/rest/*</c>.</summary>
    public Uri? ApiBaseUrl { get; set; }
    /// <summary><c>LinkedIn-Version</c> (YYYYMM); each is served about a year, so it is configuration, not code.</summary>
    public string Version { get; set; } = "202610";
    public string Scopes { get; set; } = "openid profile email w_member_social";
}
