using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Calendar;
using StackExchange.Redis;

namespace SocialPlanner.Api.Auth;

/// <summary>
/// Access tokens ended by logout, kept in Redis (shared by every Api replica) only until they would have expired
/// anyway. While Redis is unreachable the check fails open: the Api keeps serving, and a token denied before the
/// outage may be accepted again until it expires (at most <see cref="AuthOptions.AccessTokenMinutes"/>); the Redis
/// of a developer run keeps no data across restarts either. A logout is never silently lost, though:
/// <see cref="TryDenyAsync"/> says when the token could not be denied, and logout then answers 503.
/// </summary>
public sealed class AccessTokenDenyList(RedisOutage redis, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AuthOptions> options)
{
    private const string Feature = "the logout deny-list";

    /// <summary>False when Redis could not record the denial.</summary>
    public async Task<bool> TryDenyAsync(string jti, DateTimeOffset expiresAt)
    {
        var ttl = expiresAt - clock.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return true;
        }
        var (reached, _) = await redis.TryAsync(Feature, db => db.StringSetAsync(Key(jti), 1, ttl));
        return reached;
    }

    /// <summary>Ends every access token of a user at once (their account was deleted): any token issued before now
    /// expires within <see cref="AuthOptions.AccessTokenMinutes"/>, so the mark is kept that long. False when Redis
    /// could not record it.</summary>
    public async Task<bool> TryDenyUserAsync(Guid userId)
    {
        var (reached, _) = await redis.TryAsync(Feature, db => db.StringSetAsync(UserKey(userId), 1, TimeSpan.FromMinutes(options.Value.AccessTokenMinutes)));
        return reached;
    }

    /// <summary>Whether the token was logged out (or its user deleted) and, read in the same round trip because every signed-in request
    /// asks this first, the user's calendar version (what the calendar cache varies on; null when Redis could not be
    /// reached, and the request then fails open as described above).</summary>
    public async Task<(bool Denied, string? CalendarVersion)> CheckAsync(string jti, Guid userId)
    {
        var (reached, values) = await redis.TryAsync(Feature, db => db.StringGetAsync([Key(jti), CalendarVersions.Key(userId), UserKey(userId)]));
        return reached ? (values[0].HasValue || values[2].HasValue, CalendarVersions.Parse(values[1])) : (false, null);
    }

    private static RedisKey Key(string jti) => $"auth:denied-jti:{jti}";

    private static RedisKey UserKey(Guid userId) => $"auth:denied-user:{userId:N}";
}
