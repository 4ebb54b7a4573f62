using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SocialPlanner.Core.Social;
using StackExchange.Redis;

namespace SocialPlanner.Api.Social;

/// <summary>Who started an OAuth flow, for which platform, until when.</summary>
public sealed record OAuthStateEntry(Guid UserId, SocialPlatform Platform, DateTimeOffset ExpiresAt)
{
    /// <summary>A state only completes the flow of the user who started it (so a link crafted by someone else cannot
    /// attach their account to ours), for the same platform, before it expires.</summary>
    public bool Admits(Guid userId, SocialPlatform platform, DateTimeOffset now) =>
        UserId == userId && Platform == platform && now < ExpiresAt;
}

/// <summary>OAuth <c>state</c> values: random, bound to the user, single-use and short-lived. Only a hash is kept
/// (in Redis, shared by every Api replica), so a leaked store cannot complete anyone's flow.</summary>
public sealed class OAuthStates(IConnectionMultiplexer redis, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(Guid userId, SocialPlatform platform)
    {
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entry = new OAuthStateEntry(userId, platform, clock.GetUtcNow() + Lifetime);
        await redis.GetDatabase().StringSetAsync(Key(state), JsonSerializer.Serialize(entry), Lifetime);
        return state;
    }

    /// <summary>Takes the state out of the store whatever happens next (GETDEL is atomic), so it can be
    /// presented once only, even by two racing callbacks.</summary>
    public async Task<OAuthStateEntry?> RedeemAsync(string state)
    {
        var value = await redis.GetDatabase().StringGetDeleteAsync(Key(state));
        return value.HasValue ? JsonSerializer.Deserialize<OAuthStateEntry>(value.ToString()) : null;
    }

    private static RedisKey Key(string state) =>
        "oauth:state:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
