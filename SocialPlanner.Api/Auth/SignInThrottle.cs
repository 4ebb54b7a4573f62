using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using StackExchange.Redis;

namespace SocialPlanner.Api.Auth;

/// <summary>Counts failed sign-ins per client IP and email in Redis, so password guessing is slowed down across
/// all Api replicas — and for unknown emails too, which Identity's per-account lockout cannot cover. While Redis is
/// unreachable it fails open: sign-in keeps working, and Identity's lockout (in Postgres) still guards accounts.</summary>
public sealed class SignInThrottle(RedisOutage redis, IOptions<AuthOptions> options)
{
    private const string Feature = "the sign-in throttle";

    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string ip, string email)
    {
        var key = Key(ip, email);
        var (_, wait) = await redis.TryAsync<TimeSpan?>(Feature, async db =>
        {
            var failures = (int?)await db.StringGetAsync(key) ?? 0;
            return failures < options.Value.MaxFailedSignIns ? null : await db.KeyTimeToLiveAsync(key) ?? Window;
        });
        return wait;
    }

    public Task RecordFailureAsync(string ip, string email) =>
        redis.TryAsync(Feature, async db =>
        {
            var key = Key(ip, email);
            if (await db.StringIncrementAsync(key) == 1)
            {
                await db.KeyExpireAsync(key, Window);
            }
            return true;
        });

    public Task ResetAsync(string ip, string email) => redis.TryAsync(Feature, db => db.KeyDeleteAsync(Key(ip, email)));

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.SignInLockoutMinutes);

    private static RedisKey Key(string ip, string email) => $"auth:failed-sign-ins:{ip}:{email.ToUpperInvariant()}";
}
