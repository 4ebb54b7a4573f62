using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Publishing;

public sealed class TokenRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_is_refreshed_within_the_hour_before_it_expires()
    {
        var connection = new SocialConnection { ExpiresAt = Now.AddMinutes(59) };

        Assert.True(TokenRules.NeedsRefresh(connection, Now, TimeSpan.FromHours(1)));
        Assert.False(TokenRules.NeedsRefresh(new SocialConnection { ExpiresAt = Now.AddHours(2) }, Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_refresh_without_a_new_refresh_token_keeps_the_old_one()
    {
        var connection = new SocialConnection { AccessToken = "old", RefreshToken = "refresh", RefreshTokenExpiresAt = Now.AddDays(300), ReconnectNeeded = true };

        TokenRules.Apply(connection, new OAuthTokens("new", Now.AddDays(60), null, null, []), t => "p:" + t);

        Assert.Equal("p:new", connection.AccessToken);
        Assert.Equal("refresh", connection.RefreshToken);
        Assert.Equal(Now.AddDays(300), connection.RefreshTokenExpiresAt);
        Assert.False(connection.ReconnectNeeded);
    }

    [Fact]
    public void Dead_grants_cannot_be_refreshed()
    {
        Assert.NotNull(TokenRules.CannotRefresh(new SocialConnection { Platform = SocialPlatform.Linkedin }, Now));
        Assert.NotNull(TokenRules.CannotRefresh(new SocialConnection { Platform = SocialPlatform.Instagram, ExpiresAt = Now.AddSeconds(-1) }, Now));
        Assert.Null(TokenRules.CannotRefresh(new SocialConnection { Platform = SocialPlatform.Instagram, ExpiresAt = Now.AddMinutes(5) }, Now));
    }
}
