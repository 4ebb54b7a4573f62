using System.Runtime.CompilerServices;
using System.Security.Claims;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Calendar;
using StackExchange.Redis;

namespace SocialPlanner.Api.Calendar;

/// <summary><c>GET /api/calendar/changes</c>: a Server-Sent Events stream that tells an open calendar when the user's
/// posts changed, from any process — the Worker publishing or failing a post, another tab, another device (issue #16
/// §6, "a post that goes out turns green without a reload"). Each event is a <c>changed</c> event whose data is the
/// user's calendar version (<see cref="CalendarVersions"/>); the client reloads when it differs from the last one it
/// saw. The first event is the current version, and a heartbeat repeats it: an announcement lost while Redis
/// restarted, or sent while the client was reconnecting, is caught up within one heartbeat.</summary>
public static class CalendarChanges
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapCalendarChanges(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/changes", Stream).WithTags("Calendar").RequireAuthorization().WithName("StreamCalendarChanges")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Server-Sent Events: a 'changed' event carrying the calendar version whenever the user's posts change, and every 20 s");
        return app;
    }

    public static async Task<IResult> Stream(ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        // Without Redis there is nothing to listen to: the client's reconnect loop asks again later.
        if (services.GetService<IConnectionMultiplexer>() is not { IsConnected: true } redis)
        {
            return DependencyOutage.ProblemFor("cache")!;
        }
        var userId = user.UserId();
        // Subscribed before the first version is read, so a change between the two is announced, not lost.
        var announcements = await redis.GetSubscriber().SubscribeAsync(CalendarVersions.Channel(userId));
        return TypedResults.ServerSentEvents(EventsAsync(redis.GetDatabase(), userId, announcements, ct), eventType: "changed");
    }

    private static async IAsyncEnumerable<string> EventsAsync(
        IDatabase redis, Guid userId, ChannelMessageQueue announcements, [EnumeratorCancellation] CancellationToken ct)
    {
        try
        {
            yield return await CurrentAsync(redis, userId);
            while (!ct.IsCancellationRequested)
            {
                yield return await NextOrCurrentAsync(redis, userId, announcements, ct);
            }
        }
        finally
        {
            await announcements.UnsubscribeAsync();
        }
    }

    /// <summary>The version announced within a heartbeat, else the current one read from Redis.</summary>
    private static async Task<string> NextOrCurrentAsync(IDatabase redis, Guid userId, ChannelMessageQueue announcements, CancellationToken ct)
    {
        using (var beat = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            beat.CancelAfter(Heartbeat);
            try
            {
                var announced = await announcements.ReadAsync(beat.Token);
                return announced.Message.ToString();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
        return await CurrentAsync(redis, userId);
    }

    /// <summary>Empty when Redis cannot be read: an event without data, which keeps the connection alive and which
    /// clients ignore.</summary>
    private static async Task<string> CurrentAsync(IDatabase redis, Guid userId)
    {
        try
        {
            return await CalendarVersions.CurrentAsync(redis, userId);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return "";
        }
    }
}
