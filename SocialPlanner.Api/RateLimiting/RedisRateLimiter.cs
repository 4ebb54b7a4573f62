using StackExchange.Redis;

namespace SocialPlanner.Api.RateLimiting;

/// <summary>All of a request's limits in one atomic Lua script, one round trip: if any window is already full the
/// request is refused and nothing is counted; otherwise every window is incremented. Replicas share the counters,
/// so the limits hold whatever replica serves the request.</summary>
public static class RedisRateLimiter
{
    // KEYS: one counter per limit; ARGV[1]: window seconds (expiry); ARGV[2..]: the limits in KEYS order.
    // Returns {allowed (0/1), count1, count2, …}: counts after the increment, or as found when refused.
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local counts = {}
        local allowed = 1
        for i, key in ipairs(KEYS) do
          counts[i] = tonumber(redis.call('GET', key) or '0')
          if counts[i] >= tonumber(ARGV[i + 1]) then allowed = 0 end
        end
        if allowed == 1 then
          for i, key in ipairs(KEYS) do
            counts[i] = redis.call('INCR', key)
            if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[1]) end
          end
        end
        table.insert(counts, 1, allowed)
        return counts
        """);

    public static async Task<(bool Allowed, IReadOnlyList<LimitCount> Counts)> CountAsync(IDatabase redis, IReadOnlyList<Limit> limits)
    {
        var keys = limits.Select(l => (RedisKey)l.Key).ToArray();
        var args = new RedisValue[] { (long)RateLimitRules.Window.TotalSeconds * 2 }
            .Concat(limits.Select(l => (RedisValue)l.PerMinute)).ToArray();
        // ScriptEvaluate with raw KEYS/ARGV: LuaScript's parameter object form cannot pass a variable number of keys.
        var result = (RedisResult[])(await redis.ScriptEvaluateAsync(Script.ExecutableScript, keys, args))!;
        var counts = limits.Select((l, i) => new LimitCount(l, (long)result[i + 1])).ToList();
        return ((long)result[0] == 1, counts);
    }
}
