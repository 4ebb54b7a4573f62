using System.Collections.Concurrent;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>
/// Hands out a valid access token for a session, refreshing it shortly before it expires or after the Api
/// refused it. One refresh at a time per session: the refresh token rotates, so two concurrent refreshes with
/// the same token would make the Api revoke the whole session.
/// </summary>
public sealed class SessionRefresher(SessionTokenStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionRefresher> logger)
{
    /// <summary>Refresh this long before expiry so a request never leaves with a token about to die in flight.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    /// <summary>The session's tokens, refreshed first when they are about to expire; null when the session has ended.</summary>
    public async Task<ApiSession?> GetFreshAsync(string sessionKey, CancellationToken ct)
    {
        var session = await store.GetAsync(sessionKey, ct);
        if (session is null || session.ExpiresAt - Skew > clock.GetUtcNow())
        {
            return session;
        }
        return await RefreshAsync(sessionKey, session.AccessToken, ct);
    }

    /// <summary>Renews the session unless another request already replaced <paramref name="rejectedAccessToken"/>.</summary>
    public async Task<ApiSession?> RefreshAsync(string sessionKey, string rejectedAccessToken, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(sessionKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var current = await store.GetAsync(sessionKey, ct);
            if (current is null || current.AccessToken != rejectedAccessToken)
            {
                return current;
            }
            using var scope = scopes.CreateScope();
            var auth = scope.ServiceProvider.GetRequiredService<AuthClient>();
            try
            {
                var renewed = (await auth.RefreshAsync(current.RefreshToken, ct)).Session;
                await store.SetAsync(sessionKey, renewed, ct);
                return renewed;
            }
            catch (ApiException e) when (e.Status is 400 or 401)
            {
                logger.LogInformation("The Api refused to refresh a session ({Status}); the user must sign in again", e.Status);
                await store.RemoveAsync(sessionKey, ct);
                return null;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
