using StackExchange.Redis;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>
/// Redis holds only what may fail open (rate-limit counters, the sign-in throttle, the logout deny-list, the calendar
/// versions), so every Redis call goes through here: while the client is disconnected it answers "unreachable" at once
/// instead of waiting for a timeout, a failed call is reported the same way, and the warning is logged at most every 30 s.
/// Each caller decides what "unreachable" means for its feature.
/// </summary>
public sealed partial class RedisOutage(IServiceProvider services, TimeProvider time, ILogger<RedisOutage> logger)
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private long _lastFailureTicks;
    private long _lastWarningTicks;

    /// <summary>Redis failed within the last <see cref="WarningInterval"/>: the health checks report Degraded.</summary>
    public bool RecentlyFailed => time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastFailureTicks) < WarningInterval.Ticks;

    /// <summary>Runs <paramref name="call"/>; <c>Reached</c> is false when Redis could not be used.</summary>
    public async Task<(bool Reached, T Value)> TryAsync<T>(string feature, Func<IDatabase, Task<T>> call)
    {
        // Resolved per call: a host without Redis registers no multiplexer, and then every feature fails open.
        var redis = services.GetService<IConnectionMultiplexer>();
        if (redis is not { IsConnected: true })
        {
            Failed(feature, redis is null ? "no Redis connection is registered" : "not connected");
            return (false, default!);
        }
        try
        {
            return (true, await call(redis.GetDatabase()));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            Failed(feature, e.Message);
            return (false, default!);
        }
    }

    private void Failed(string feature, string reason)
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastFailureTicks, now);
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            LogUnreachable(logger, feature, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable ({Reason}); {Feature} fails open until it is back")]
    private static partial void LogUnreachable(ILogger logger, string feature, string reason);
}
