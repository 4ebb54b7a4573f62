namespace SocialPlanner.Core.Auth;

/// <summary>One rotating refresh token. Tokens of one login share a <see cref="FamilyId"/> so reuse of a
/// rotated token can revoke the whole family (a stolen token is then useless).</summary>
public class RefreshToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    /// <summary>SHA-256 of the token; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? ReplacedById { get; set; }
}
