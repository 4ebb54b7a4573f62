using Microsoft.Extensions.Options;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Api.Social;

/// <summary>The two platforms' OAuth code flows behind one shape. Neither client offers PKCE (LinkedIn's standard
/// flow for confidential clients has none, Instagram Login has none): the client secret and the single-use,
/// user-bound state protect the exchange.</summary>
public sealed class SocialConnector(LinkedInClient linkedIn, InstagramClient instagram, IOptions<SocialOptions> options)
{
    public Uri AuthorizeUrl(SocialPlatform platform, string state) => platform switch
    {
        SocialPlatform.Linkedin => linkedIn.BuildAuthorizeUrl(RedirectUri(platform), state),
        SocialPlatform.Instagram => instagram.BuildAuthorizeUrl(RedirectUri(platform), state),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };

    /// <summary>Exchanges the code (the same redirect URI as the authorize step, as both platforms require) and
    /// reads whose account it is.</summary>
    public async Task<(OAuthTokens Tokens, PlatformProfile Profile)> ExchangeAsync(SocialPlatform platform, string code, CancellationToken ct)
    {
        switch (platform)
        {
            case SocialPlatform.Linkedin:
                var tokens = await linkedIn.ExchangeCodeAsync(code, RedirectUri(platform), ct);
                return (tokens, await linkedIn.GetUserInfoAsync(tokens.AccessToken, ct));
            case SocialPlatform.Instagram:
                var grant = await instagram.ExchangeCodeAsync(code, RedirectUri(platform), ct);
                return (grant.Tokens, await instagram.GetMeAsync(grant.Tokens.AccessToken, ct));
            default:
                throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform.");
        }
    }

    private Uri RedirectUri(SocialPlatform platform) => options.Value.RedirectUri(SocialRoutes.Slug(platform));
}

/// <summary>Pure rules of a social connection's lifecycle.</summary>
public static class ConnectionRules
{
    /// <summary>Stores a new grant on the user's connection for the platform, in place on a reconnect. The old
    /// refresh token survives an answer without one, but only for the same account: another member's
    /// refresh token would publish as the wrong person.</summary>
    public static void Connect(SocialConnection connection, OAuthTokens tokens, PlatformProfile profile, Func<string, string> protect)
    {
        if (connection.ProfileId != profile.Id)
        {
            connection.RefreshToken = null;
            connection.RefreshTokenExpiresAt = null;
        }
        TokenRules.Apply(connection, tokens, protect);
        connection.ProfileId = profile.Id;
        connection.ProfileName = profile.Name;
        connection.ProfilePictureUrl = profile.PictureUrl;
        connection.IsActive = true;
        // A new grant may carry the scope the metrics needed: the Worker asks again.
        connection.InsightsUnavailable = null;
    }

    /// <summary>A disconnected account keeps its row for history, but no usable secret.</summary>
    public static void Disconnect(SocialConnection connection)
    {
        connection.IsActive = false;
        connection.AccessToken = "";
        connection.RefreshToken = null;
        connection.RefreshTokenExpiresAt = null;
    }
}

/// <summary>How platforms are named in URLs.</summary>
public static class SocialRoutes
{
    public static string Slug(SocialPlatform platform) => platform switch
    {
        SocialPlatform.Linkedin => "linkedin",
        SocialPlatform.Instagram => "instagram",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };

    public static SocialPlatform? Parse(string slug) => slug switch
    {
        "linkedin" => SocialPlatform.Linkedin,
        "instagram" => SocialPlatform.Instagram,
        _ => null,
    };
}
