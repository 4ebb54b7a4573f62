using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Keeps social connections' tokens usable: refreshed ahead of expiry, the refresh token never
/// lost, and a dead grant turned into "reconnect needed" plus an email instead of silent failures.</summary>
public sealed partial class SocialTokens(
    AppDbContext db, TokenProtector protector, LinkedInClient linkedIn, InstagramClient instagram,
    IPublishingNotifier notifier, TimeProvider clock, IOptions<PublishingOptions> options, ILogger<SocialTokens> logger)
{
    /// <summary>A usable access token for the (tracked) connection, refreshed first when it expires within the
    /// configured window or when <paramref name="forceRefresh"/> (the platform just refused it). Null when the user
    /// must reconnect.</summary>
    public async Task<string?> AccessTokenAsync(SocialConnection connection, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (connection.ReconnectNeeded || !connection.IsActive)
        {
            return null;
        }
        if (forceRefresh || TokenRules.NeedsRefresh(connection, clock.GetUtcNow(), options.Value.TokenRefreshAhead))
        {
            await RefreshAsync(connection, cancellationToken);
        }
        return !connection.IsActive || connection.ReconnectNeeded || TokenRules.IsExpired(connection, clock.GetUtcNow())
            ? null
            : protector.Unprotect(connection.AccessToken);
    }

    /// <summary>The recurring job: every active connection whose token expires within the window.</summary>
    public async Task<int> RefreshExpiringAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow() + options.Value.TokenRefreshAhead;
        var due = await db.SocialConnections
            .Where(c => c.IsActive && !c.ReconnectNeeded && c.ExpiresAt <= horizon)
            .OrderBy(c => c.ExpiresAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var connection in due)
        {
            await RefreshAsync(connection, cancellationToken);
        }
        return due.Count;
    }

    /// <summary>Refreshes and saves. A transient failure leaves the connection as it was for the next run; an
    /// unrecoverable one marks it and emails the user once. The save only lands on the grant it refreshed: if the
    /// user reconnected or disconnected meanwhile, the connection is read again and nothing of this refresh is kept.</summary>
    public async Task RefreshAsync(SocialConnection connection, CancellationToken cancellationToken)
    {
        var refreshedFrom = db.Entry(connection).Property(c => c.AccessToken).OriginalValue;
        try
        {
            var tokens = await RequestRefreshAsync(connection, cancellationToken);
            TokenRules.Apply(connection, tokens, protector.Protect);
        }
        catch (OAuthException e) when (e.Unrecoverable)
        {
            LogReconnectNeeded(connection.Id, connection.Platform, e.Message);
            connection.ReconnectNeeded = true;
            // Saved with the flag: the email is owed even if we die before queueing it.
            connection.NoticeDueAt = clock.GetUtcNow();
        }
        catch (Exception e) when (e is OAuthException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            LogRefreshFailed(connection.Id, connection.Platform, e.Message);
            return;
        }

        if (!await SaveIfStillTheSameGrantAsync(connection, refreshedFrom, cancellationToken))
        {
            LogSuperseded(connection.Id, connection.Platform);
            await db.Entry(connection).ReloadAsync(cancellationToken);
            if (db.Entry(connection).State == EntityState.Detached)
            {
                connection.IsActive = false; // deleted meanwhile: nothing of it may be used
            }
            return;
        }
        if (connection.ReconnectNeeded)
        {
            notifier.ReconnectNeeded(connection.Id);
        }
    }

    /// <summary>Saves the connection if its stored access token is still <paramref name="refreshedFrom"/> and it is still
    /// active, holding the row for the check and the write; false (nothing written) otherwise.</summary>
    private async Task<bool> SaveIfStillTheSameGrantAsync(SocialConnection connection, string refreshedFrom, CancellationToken cancellationToken)
    {
        async Task<bool> CheckAndSaveAsync(CancellationToken ct)
        {
            var stored = await db.Database.SqlQuery<string>(
                    $"SELECT access_token AS \"Value\" FROM social_connections WHERE id = {connection.Id} AND is_active FOR UPDATE")
                .SingleOrDefaultAsync(ct);
            if (stored != refreshedFrom)
            {
                return false;
            }
            await db.SaveChangesAsync(ct);
            return true;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            return await CheckAndSaveAsync(cancellationToken);
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await CheckAndSaveAsync(ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
    }

    private Task<OAuthTokens> RequestRefreshAsync(SocialConnection connection, CancellationToken cancellationToken) =>
        connection.Platform switch
        {
            _ when TokenRules.CannotRefresh(connection, clock.GetUtcNow()) is { } why => throw new OAuthException(why, unrecoverable: true),
            SocialPlatform.Linkedin => linkedIn.RefreshAsync(protector.Unprotect(connection.RefreshToken!), cancellationToken),
            SocialPlatform.Instagram => instagram.RefreshAsync(protector.Unprotect(connection.AccessToken), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Platform, "Unknown platform."),
        };

    [LoggerMessage(LogLevel.Warning, "Social connection {ConnectionId} ({Platform}) needs a reconnect: {Reason}")]
    private partial void LogReconnectNeeded(Guid connectionId, SocialPlatform platform, string reason);

    [LoggerMessage(LogLevel.Information, "Social connection {ConnectionId} ({Platform}) changed while its token was refreshed (reconnected or disconnected); the refresh is dropped")]
    private partial void LogSuperseded(Guid connectionId, SocialPlatform platform);

    [LoggerMessage(LogLevel.Warning, "Refreshing social connection {ConnectionId} ({Platform}) failed; will retry: {Reason}")]
    private partial void LogRefreshFailed(Guid connectionId, SocialPlatform platform, string reason);
}
