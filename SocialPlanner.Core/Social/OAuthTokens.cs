namespace SocialPlanner.Core.Social;

/// <summary>What a token endpoint granted, with lifetimes turned into instants by the caller's clock.</summary>
public sealed record OAuthTokens(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<string> Scopes);

/// <summary>A token endpoint said no. <see cref="Unrecoverable"/>: the grant itself is dead (revoked, expired,
/// invalid); the user has to connect again. Otherwise the refresh may simply be tried later.</summary>
public sealed class OAuthException(string message, bool unrecoverable, Exception? inner = null) : Exception(message, inner)
{
    public bool Unrecoverable { get; } = unrecoverable;
}

/// <summary>The identity an OAuth grant belongs to on the platform.</summary>
/// <summary>Who granted access: the platform's id and name for the account, and its picture when the platform gives
/// one (LinkedIn's OpenID <c>picture</c>, Instagram's <c>profile_picture_url</c>; either may stop loading later).</summary>
public sealed record PlatformProfile(string Id, string? Name, string? PictureUrl = null);
