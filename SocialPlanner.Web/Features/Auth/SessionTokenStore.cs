using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>
/// The Api tokens of each signed-in browser, kept server-side under the session key the auth cookie carries.
/// Not in the cookie itself because refresh tokens rotate: a refresh made inside an interactive circuit cannot
/// rewrite the browser's cookie, and replaying the old refresh token would look like theft to the Api.
/// Encrypted with Data Protection so a dump of the cache reveals no token.
/// </summary>
public sealed class SessionTokenStore(IDistributedCache cache, IDataProtectionProvider protection)
{
    /// <summary>Longer than any refresh token lives; an abandoned session simply ages out.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("SocialPlanner.Web.ApiSession");

    public async Task<ApiSession?> GetAsync(string sessionKey, CancellationToken ct = default)
    {
        var stored = await cache.GetAsync(Key(sessionKey), ct);
        return stored is null ? null : JsonSerializer.Deserialize<ApiSession>(_protector.Unprotect(stored), ApiJson.Options);
    }

    public Task SetAsync(string sessionKey, ApiSession session, CancellationToken ct = default) =>
        cache.SetAsync(Key(sessionKey), _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(session, ApiJson.Options)),
            new DistributedCacheEntryOptions { SlidingExpiration = Retention }, ct);

    public Task RemoveAsync(string sessionKey, CancellationToken ct = default) => cache.RemoveAsync(Key(sessionKey), ct);

    private static string Key(string sessionKey) => "web-session:" + sessionKey;
}
