using Microsoft.AspNetCore.DataProtection;

namespace SocialPlanner.Core.Social;

/// <summary>Encrypts OAuth tokens before they reach <c>social_connections</c> and decrypts them for use. Keys are
/// shared through the database, so the Api can write what the Worker reads.</summary>
public sealed class TokenProtector(IDataProtectionProvider provider)
{
    /// <summary>Changing this string makes every stored token unreadable: it is part of the key derivation.</summary>
    public const string Purpose = "SocialPlanner.Social.OAuthTokens.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
