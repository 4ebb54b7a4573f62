using StackExchange.Redis;

namespace SocialPlanner.Api.Auth;

/// <summary>Access tokens ended by logout, kept in Redis (shared by every Api replica) only until they would
/// have expired anyway.</summary>
public sealed class AccessTokenDenyList(IConnectionMultiplexer redis, TimeProvider clock)
{
    public async Task DenyAsync(string jti, DateTimeOffset expiresAt)
    {
        var ttl = expiresAt - clock.GetUtcNow();
        if (ttl > TimeSpan.Zero)
        {
            await redis.GetDatabase().StringSetAsync(Key(jti), 1, ttl);
        }
    }

    public Task<bool> IsDeniedAsync(string jti) => redis.GetDatabase().KeyExistsAsync(Key(jti));

    private static RedisKey Key(string jti) => $"auth:denied-jti:{jti}";
}
