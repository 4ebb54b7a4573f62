using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>A token refresh that started from the connection as it was read must not write over what changed since:
/// the user reconnected (a new grant, maybe another account's) or disconnected. Found by review 2026-12-07: the refresh
/// wrote its tokens back by id, so the new grant's profile was paired with the old grant's tokens.</summary>
[Collection(AppCollection.Name)]
public sealed class TokenRefreshRaceTests(AppFixture app) : PlatformTest(app)
{
    [Fact]
    public async Task A_refresh_begun_before_the_user_reconnected_keeps_the_new_grant()
    {
        var account = await ConnectLinkedInUserAsync();
        var db = As(DbRole.Worker);
        var connection = await db.SocialConnections.SingleAsync(c => c.Id == account.ConnectionId, Ct);

        // Meanwhile the user reconnects: the Api stores a new grant.
        Assert.Equal(1, await OwnerScalarAsync<int>(
            "WITH r AS (UPDATE social_connections SET access_token = $2, refresh_token = $3 WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM r",
            account.ConnectionId, Tokens.Protect("new-grant-access"), Tokens.Protect("new-grant-refresh")));

        var tokens = Refresher(db);
        await tokens.RefreshAsync(connection, Ct);

        Assert.Equal("new-grant-access", Tokens.Unprotect(await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE id = $1", account.ConnectionId)));
        Assert.Equal("new-grant-refresh", Tokens.Unprotect(await OwnerScalarAsync<string>("SELECT refresh_token FROM social_connections WHERE id = $1", account.ConnectionId)));
        // The caller goes on with the stored grant, not the superseded one.
        Assert.Equal("new-grant-access", await tokens.AccessTokenAsync(connection, forceRefresh: false, Ct));
    }

    [Fact]
    public async Task A_refresh_with_nothing_changed_meanwhile_stores_its_new_tokens()
    {
        var account = await ConnectLinkedInUserAsync();
        var db = As(DbRole.Worker);
        var connection = await db.SocialConnections.SingleAsync(c => c.Id == account.ConnectionId, Ct);

        await Refresher(db).RefreshAsync(connection, Ct);

        var stored = Tokens.Unprotect(await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE id = $1", account.ConnectionId));
        Assert.NotEqual(account.AccessToken, stored);
        Assert.Equal(Tokens.Unprotect(connection.AccessToken), stored);
    }

    private SocialTokens Refresher(AppDbContext db) => new(db, Tokens, SandboxLinkedIn(), SandboxInstagram(), new NoNotices(),
        TimeProvider.System, Options.Create(new PublishingOptions()), NullLogger<SocialTokens>.Instance);

    private sealed class NoNotices : IPublishingNotifier
    {
        public void PublicationFailed(Guid publicationId) { }

        public void ReconnectNeeded(Guid connectionId) { }
    }
}
