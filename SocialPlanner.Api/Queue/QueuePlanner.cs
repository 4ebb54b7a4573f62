using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Queue;

/// <summary>A user's weekly schedule and the slots already taken from a moment on, read once so several posts can be
/// placed in turn (resume with <c>next_slots</c>). A slot is taken when a publication of that platform that is planned,
/// being sent or sent already sits at exactly that instant.</summary>
public sealed class QueuePlanner
{
    private static readonly PublicationStatus[] Taking =
        [PublicationStatus.Pending, PublicationStatus.Claimed, PublicationStatus.Sending, PublicationStatus.Published];

    private readonly List<WeeklyTime> _slots;
    private readonly HashSet<(SocialPlatform, DateTimeOffset)> _taken;

    private QueuePlanner(TimeZoneInfo zone, List<WeeklyTime> slots, HashSet<(SocialPlatform, DateTimeOffset)> taken)
    {
        Zone = zone;
        _slots = slots;
        _taken = taken;
    }

    public TimeZoneInfo Zone { get; }

    public static async Task<QueuePlanner> LoadAsync(AppDbContext db, Guid userId, DateTimeOffset from, CancellationToken ct)
    {
        var zoneId = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(ct);
        var slots = await db.QueueSlots.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new WeeklyTime(s.Platform, s.Weekday, s.LocalTime)).ToListAsync(ct);
        var taken = await db.PostPublications.AsNoTracking()
            .Where(p => p.UserId == userId && p.ScheduledAt > from && Taking.Contains(p.Status))
            .Select(p => new { p.Platform, p.ScheduledAt }).ToListAsync(ct);
        return new QueuePlanner(TimeZoneInfo.FindSystemTimeZoneById(zoneId), slots,
            [.. taken.Select(t => (t.Platform, t.ScheduledAt))]);
    }

    /// <summary>Reads the slots already taken of a date range (for the queue's listing).</summary>
    public static IQueryable<TakenSlot> TakenBetween(AppDbContext db, Guid userId, DateTimeOffset start, DateTimeOffset end) =>
        from publication in db.PostPublications.AsNoTracking()
        join post in db.Posts.AsNoTracking() on publication.PostId equals post.Id
        where publication.UserId == userId && publication.ScheduledAt >= start && publication.ScheduledAt < end
              && Taking.Contains(publication.Status)
        orderby publication.ScheduledAt, post.Id
        select new TakenSlot(publication.Platform, publication.ScheduledAt, post.Id, post.Platform, post.Content, post.Status);

    /// <summary>The next free slot after <paramref name="after"/> for a post on <paramref name="platform"/>, marked as taken
    /// so the next post placed goes elsewhere; or the 422 saying why there is none.</summary>
    public (DateTimeOffset? At, ApiProblem? Problem) Take(PostPlatform platform, DateTimeOffset after)
    {
        var targets = PublicationScheduler.TargetsOf(platform);
        var missing = targets.Where(t => !_slots.Any(s => s.Platform == t)).Select(PostState.PlatformName).ToList();
        if (missing.Count > 0)
        {
            return (null, ApiProblem.BusinessRule("Queue.NoSlotYet", ApiText.List(missing, "Words.Or")));
        }
        var at = SlotTimes.NextFree(_slots, Zone, targets, after, QueueDefaults.Horizon, (p, instant) => _taken.Contains((p, instant)));
        if (at is not { } found)
        {
            return (null, targets.Count > 1 && !SharesATime(targets)
                ? ApiProblem.BusinessRule("Queue.NoSharedSlot")
                : ApiProblem.BusinessRule("Queue.AllSlotsTaken", ApiText.List([.. targets.Select(PostState.PlatformName)], "Words.And"),
                    (int)QueueDefaults.Horizon.TotalDays));
        }
        foreach (var target in targets)
        {
            _taken.Add((target, found));
        }
        return (found, null);
    }

    private bool SharesATime(IReadOnlyList<SocialPlatform> targets) =>
        _slots.Where(s => s.Platform == targets[0])
            .Any(a => targets.Skip(1).All(t => _slots.Any(b => b.Platform == t && b.Weekday == a.Weekday && b.LocalTime == a.LocalTime)));

    /// <summary>"2026-12-08T08:30": the instant as the user's wall clock shows it.</summary>
    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record TakenSlot(
    SocialPlatform Platform, DateTimeOffset ScheduledAt, Guid PostId, PostPlatform PostPlatform, string Content, PostStatus Status);
