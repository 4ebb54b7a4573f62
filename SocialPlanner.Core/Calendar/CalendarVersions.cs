using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SocialPlanner.Core.Calendar;

/// <summary>A per-user counter in Redis that every writer of a user's posts increments after its change is
/// committed. The Api's calendar cache varies on it, so an increment retires every cached month of that user at
/// once, from any process: the Api after its writes, the Worker after it publishes or fails a post; and it tells the
/// open calendars of that user (<see cref="Channel"/>). Bumping after
/// the commit matters: a read between a bump and a later commit would cache the old rows under the new version.</summary>
public sealed partial class CalendarVersions(IConnectionMultiplexer redis, ILogger<CalendarVersions> logger)
{
    /// <summary>The user's current version; "0" until their first write. Static, so the Api can read it through its
    /// Redis outage gate.</summary>
    public static async Task<string> CurrentAsync(IDatabase redis, Guid userId)
    {
        return Parse(await redis.StringGetAsync(Key(userId)));
    }

    /// <summary>The version a read of <see cref="Key"/> gave.</summary>
    public static string Parse(RedisValue value) => value.HasValue ? value.ToString() : "0";

    /// <summary>Never fails the write it follows (that is already committed): if Redis is unreachable the cached
    /// months stay until their expiry, which bounds the staleness.</summary>
    public async Task BumpAsync(Guid userId)
    {
        try
        {
            // One round trip for both: the Worker bumps once per published post, so a second call would show in the
            // publishing burst.
            await redis.GetDatabase().ScriptEvaluateAsync(BumpAndAnnounce, [Key(userId)], [Channel(userId).ToString()]);
        }
        catch (RedisException e)
        {
            LogBumpFailed(e, userId);
        }
    }

    public static RedisKey Key(Guid userId) => $"calendar:version:{userId:N}";

    private const string BumpAndAnnounce = "local version = redis.call('INCR', KEYS[1]) redis.call('PUBLISH', ARGV[1], version) return version";

    /// <summary>Where each bump is announced with the new version, so open calendars refresh without a reload
    /// (issue #16 §6). An announcement may be lost (Redis restarting, no subscriber yet): listeners compare versions
    /// again on their own heartbeat.</summary>
    public static RedisChannel Channel(Guid userId) => RedisChannel.Literal($"calendar:changed:{userId:N}");

    [LoggerMessage(LogLevel.Warning, "Could not retire the cached calendar of user {UserId}; it expires on its own")]
    private partial void LogBumpFailed(Exception exception, Guid userId);
}
