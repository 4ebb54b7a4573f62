namespace SocialPlanner.Core.Social;

/// <summary>Pure token lifecycle rules.</summary>
public static class TokenRules
{
    public static bool IsExpired(SocialConnection connection, DateTimeOffset now) => connection.ExpiresAt <= now;

    public static bool NeedsRefresh(SocialConnection connection, DateTimeOffset now, TimeSpan ahead) => connection.ExpiresAt <= now + ahead;

    /// <summary>Why no refresh can work, or null. LinkedIn refreshes with a live refresh token; Instagram refreshes
    /// the long-lived access token itself, which must not have expired.</summary>
    public static string? CannotRefresh(SocialConnection connection, DateTimeOffset now) => connection.Platform switch
    {
        SocialPlatform.Linkedin when connection.RefreshToken is null => "LinkedIn issued no refresh token; the member must sign in again.",
        SocialPlatform.Linkedin when connection.RefreshTokenExpiresAt <= now => "The LinkedIn refresh token has expired.",
        SocialPlatform.Instagram when IsExpired(connection, now) => "The Instagram token expired before it could be refreshed.",
        _ => null,
    };

    /// <summary>Stores a refresh result. An answer without a new refresh token (or its lifetime) keeps the old one:
    /// a reconnect or refresh must never lose it.</summary>
    public static void Apply(SocialConnection connection, OAuthTokens tokens, Func<string, string> protect)
    {
        connection.AccessToken = protect(tokens.AccessToken);
        connection.ExpiresAt = tokens.ExpiresAt;
        if (tokens.RefreshToken is not null)
        {
            connection.RefreshToken = protect(tokens.RefreshToken);
        }
        if (tokens.RefreshTokenExpiresAt is not null)
        {
            connection.RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt;
        }
        if (tokens.Scopes.Count > 0)
        {
            connection.Scopes = [.. tokens.Scopes];
        }
        connection.ReconnectNeeded = false;
    }
}
