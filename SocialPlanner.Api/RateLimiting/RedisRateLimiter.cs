using StackExchange.Redis;

namespace SocialPlanner.Api.RateLimiting;

/// <summary>
/// Rate-limit tokens counted in Redis (shared by every replica) and handed out by each replica from leases, so most
/// requests cost no round trip. A window's counter in Redis counts every token granted to any replica; a replica asks
/// for several at once while the window has many left (a sixteenth of what is left, at most <see cref="MaxLease"/>)
/// and for one at a time near the limit. Tokens are never granted beyond the limit, so all replicas together never
/// serve more than it (no overshoot); the price is that a replica may refuse while another still holds a few tokens it
/// leased (at most a sixteenth of what was left when it took them), which it serves to its own next requests.
/// A request takes one token of each of its limits or none: if any limit it has no local token for is full in Redis,
/// it is refused and nothing is taken. A token's number in its window (1 for the window's first) is what the
/// request's <c>X-RateLimit-Remaining</c> is computed from.
/// </summary>
public sealed class RedisRateLimiter
{
    /// <summary>The most tokens one lease takes: bounds what one replica holds unused when the window ends.</summary>
    public const int MaxLease = 100;

    /// <summary>A lease takes this fraction of what is left of a window (never less than one token).</summary>
    public const int LeaseDivisor = 16;

    // KEYS: one counter per limit. ARGV[1]: expiry seconds; ARGV[2]: MaxLease; ARGV[3]: LeaseDivisor; then per key its
    // limit and whether tokens are wanted (0 when this replica still holds one for it).
    // Returns {allowed (0/1), count1, …, countN, granted1, …, grantedN}: counts after the grants, or as found when refused.
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local n = #KEYS
        local counts, granted = {}, {}
        local allowed = 1
        for i, key in ipairs(KEYS) do
          counts[i] = tonumber(redis.call('GET', key) or '0')
          granted[i] = 0
          if ARGV[3 + 2 * i] == '1' and counts[i] >= tonumber(ARGV[2 + 2 * i]) then allowed = 0 end
        end
        if allowed == 1 then
          for i, key in ipairs(KEYS) do
            if ARGV[3 + 2 * i] == '1' then
              local left = tonumber(ARGV[2 + 2 * i]) - counts[i]
              granted[i] = math.max(1, math.min(tonumber(ARGV[2]), math.floor(left / tonumber(ARGV[3]))))
              counts[i] = redis.call('INCRBY', key, granted[i])
              if counts[i] == granted[i] then redis.call('EXPIRE', key, ARGV[1]) end
            end
          end
        end
        local result = {allowed}
        for i = 1, n do result[1 + i] = counts[i] end
        for i = 1, n do result[1 + n + i] = granted[i] end
        return result
        """);

    private readonly Lock _lock = new();
    // Per window counter key: the token numbers this replica holds, oldest first (other replicas' grants interleave).
    // The current window's and the one before: a request that began before the minute turned still counts in its own
    // window, and the tokens leased for it there must stay usable (dropping them refused requests under the limit).
    private Dictionary<string, List<(long Next, long Last)>> _leases = new(StringComparer.Ordinal);
    private Dictionary<string, List<(long Next, long Last)>> _previous = new(StringComparer.Ordinal);
    private long _window = -1;
    // Grants asked of Redis and not yet in the leases; a request refused by Redis waits for these first.
    private readonly HashSet<Task> _inFlight = [];

    /// <summary>One token of each limit, from this replica's leases or, for the limits it holds none of, from Redis.
    /// <c>Reached</c> is false when Redis was needed and unreachable (the caller fails open).</summary>
    public async Task<(bool Reached, bool Allowed, IReadOnlyList<LimitCount> Counts)> TakeAsync(
        IReadOnlyList<Limit> limits, long window, Func<Func<IDatabase, Task<RedisResult[]>>, Task<(bool Reached, RedisResult[] Result)>> redis)
    {
        // Each pass serves from the leases, is refused, or adds a grant to them and looks again; a pass repeats only
        // when concurrent requests of this replica used up a lease between the look and the take.
        while (true)
        {
            bool[] wanted;
            TaskCompletionSource landed;
            lock (_lock)
            {
                if (TryTakeLocked(limits, window) is { } counts)
                {
                    return (true, true, counts);
                }
                wanted = [.. limits.Select(l => !HoldsLocked(l.Key))];
                landed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight.Add(landed.Task);
            }

            try
            {
                var (reached, result) = await redis(db => GrantAsync(db, limits, wanted));
                if (!reached)
                {
                    return (false, false, []);
                }
                if ((long)result[0] == 1)
                {
                    if (Lease(limits, window, wanted, result) is { } served)
                    {
                        return (true, true, served);
                    }
                    continue;
                }
                // Refused in Redis. Grants this replica asked for earlier may not have reached its leases yet; once
                // they have, a token of theirs is this request's. Without this wait a replica could refuse while
                // holding tokens no later request of its own would use.
                Task[] earlier;
                lock (_lock)
                {
                    _inFlight.Remove(landed.Task);
                    earlier = [.. _inFlight];
                }
                await Task.WhenAll(earlier);
                lock (_lock)
                {
                    if (TryTakeLocked(limits, window) is { } counts)
                    {
                        return (true, true, counts);
                    }
                    // Every limit Redis found full now has a token here, but another limit's lease ran dry meanwhile
                    // (the global one, which every user's requests draw on): ask again for that one instead of
                    // refusing in the name of a limit that still has a token for this request.
                    if (limits.Select((l, i) => !wanted[i] || (long)result[1 + i] < l.PerMinute || HoldsLocked(l.Key)).All(held => held))
                    {
                        continue;
                    }
                }
                // A limit this replica still holds a token of has at least that one left, whatever Redis counts.
                return (true, false, [.. limits.Select((l, i) =>
                    new LimitCount(l, wanted[i] ? (long)result[1 + i] : Math.Min((long)result[1 + i], l.PerMinute - 1)))]);
            }
            finally
            {
                lock (_lock)
                {
                    _inFlight.Remove(landed.Task);
                }
                landed.SetResult();
            }
        }
    }

    /// <summary>Adds a grant to this replica's leases; null then, to look again. Only if its window is older than the
    /// one before the current (its leases are gone) is the request served at once, with the first token of each grant.</summary>
    private List<LimitCount>? Lease(IReadOnlyList<Limit> limits, long window, bool[] wanted, RedisResult[] result)
    {
        var n = limits.Count;
        lock (_lock)
        {
            if (window < _window - 1)
            {
                return [.. limits.Select((l, i) => new LimitCount(l,
                    wanted[i] ? (long)result[1 + i] - (long)result[1 + n + i] + 1 : Math.Min((long)result[1 + i], l.PerMinute - 1)))];
            }
            for (var i = 0; i < n; i++)
            {
                var count = (long)result[1 + i];
                var granted = (long)result[1 + n + i];
                if (granted > 0)
                {
                    LeaseOf(limits[i].Key, window).Add((count - granted + 1, count));
                }
            }
            return null;
        }
    }

    private static async Task<RedisResult[]> GrantAsync(IDatabase db, IReadOnlyList<Limit> limits, bool[] wanted)
    {
        var keys = limits.Select(l => (RedisKey)l.Key).ToArray();
        var args = new List<RedisValue> { (long)RateLimitRules.Window.TotalSeconds * 2, MaxLease, LeaseDivisor };
        for (var i = 0; i < limits.Count; i++)
        {
            args.Add(limits[i].PerMinute);
            args.Add(wanted[i] ? 1 : 0);
        }
        // ScriptEvaluate with raw KEYS/ARGV: LuaScript's parameter object form cannot pass a variable number of keys.
        return (RedisResult[])(await db.ScriptEvaluateAsync(Script.ExecutableScript, keys, [.. args]))!;
    }

    /// <summary>Takes one token of every limit if this replica holds one of each; otherwise takes nothing.</summary>
    private List<LimitCount>? TryTakeLocked(IReadOnlyList<Limit> limits, long window)
    {
        if (window > _window)
        {
            // Keys carry their window's number; the window before stays for the requests that began in it.
            _previous = window == _window + 1 ? _leases : new(StringComparer.Ordinal);
            _leases = new(StringComparer.Ordinal);
            _window = window;
        }
        if (!limits.All(l => HoldsLocked(l.Key)))
        {
            return null;
        }
        var counts = new List<LimitCount>(limits.Count);
        foreach (var limit in limits)
        {
            var leases = _leases.ContainsKey(limit.Key) ? _leases : _previous;
            var lease = leases[limit.Key];
            var (next, last) = lease[0];
            if (next < last)
            {
                lease[0] = (next + 1, last);
            }
            else if (lease.Count > 1)
            {
                lease.RemoveAt(0);
            }
            else
            {
                leases.Remove(limit.Key);
            }
            counts.Add(new LimitCount(limit, next));
        }
        return counts;
    }

    private bool HoldsLocked(string key) =>
        (_leases.TryGetValue(key, out var lease) || _previous.TryGetValue(key, out lease)) && lease.Count > 0;

    private List<(long Next, long Last)> LeaseOf(string key, long window)
    {
        var leases = window == _window ? _leases : _previous;
        if (!leases.TryGetValue(key, out var lease))
        {
            leases[key] = lease = [];
        }
        return lease;
    }
}
