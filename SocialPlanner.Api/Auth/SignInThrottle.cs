using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SocialPlanner.Api.Auth;

/// <summary>Counts failed sign-ins per client IP and email in Redis, so password guessing is slowed down across
/// all Api replicas — and for unknown emails too, which Identity's per-account lockout cannot cover.</summary>
public sealed class SignInThrottle(IConnectionMultiplexer redis, IOptions<AuthOptions> options)
{
    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string ip, string email)
    {
        var db = redis.GetDatabase();
        var key = Key(ip, email);
        var failures = (int?)await db.StringGetAsync(key) ?? 0;
        if (failures < options.Value.MaxFailedSignIns)
        {
            return null;
        }
        return await db.KeyTimeToLiveAsync(key) ?? Window;
    }

    public async Task RecordFailureAsync(string ip, string email)
    {
        var db = redis.GetDatabase();
        var key = Key(ip, email);
        if (await db.StringIncrementAsync(key) == 1)
        {
            await db.KeyExpireAsync(key, Window);
        }
    }

    public Task ResetAsync(string ip, string email) => redis.GetDatabase().KeyDeleteAsync(Key(ip, email));

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.SignInLockoutMinutes);

    private static RedisKey Key(string ip, string email) => $"auth:failed-sign-ins:{ip}:{email.ToUpperInvariant()}";
}
