using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Posts;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Queue;

/// <summary>Issue #17: the weekly posting schedule, queueing a draft into its next free slot, the upcoming slots with
/// what fills them, and pausing and resuming all of a user's publishing. Queueing is scheduling: it goes through the
/// calendar's rules and <see cref="PublicationScheduler"/>; nothing here moves a post the user did not ask to move.</summary>
public static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queue").WithTags("Queue").RequireAuthorization();
        api.MapGet("/", GetQueue).WithName("GetQueue")
            .WithSummary("The upcoming slots from..to (local dates, default the next 7 days) with the post in each; empty ones included");
        api.MapGet("/slots", ListSlots).WithName("ListQueueSlots")
            .WithSummary("The weekly posting schedule; meta.suggested offers defaults while there is none");
        api.MapPost("/slots", AddSlot).WithName("AddQueueSlot").WithSummary("Add a weekday and time for a platform");
        api.MapPut("/slots", ReplaceSlots).WithName("ReplaceQueueSlots").WithSummary("Replace the whole weekly schedule");
        api.MapPost("/slots/suggested", AdoptSuggested).WithName("AdoptSuggestedQueueSlots")
            .WithSummary("Adopt the suggested schedule (only while there is none)");
        api.MapDelete("/slots/{id:guid}", DeleteSlot).WithName("DeleteQueueSlot")
            .WithSummary("Remove a slot; a post already in it keeps its time");
        api.MapGet("/pause", GetPause).WithName("GetPublishingPause").WithSummary("Whether publishing is paused, and how many posts are overdue");
        api.MapPost("/pause", Pause).WithName("PausePublishing").WithSummary("Pause all publishing: nothing is sent until resumed");
        api.MapPost("/resume", Resume).WithName("ResumePublishing").InvalidatesCalendar()
            .WithSummary("Resume publishing; overdue posts are published now (publish_now) or moved to the next free slots (next_slots)");

        app.MapGroup("/api/content/posts").WithTags("Posts").RequireAuthorization().InvalidatesCalendar()
            .MapPost("/{id:guid}/queue", QueuePost).WithName("QueuePost")
            .WithSummary("Schedule a draft at the next free slot of its platform (both: a slot free on both); meta says when");
        return app;
    }

    public static async Task<Ok<Envelope<List<QueueSlotDto>>>> ListSlots(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        await db.Database.OpenConnectionAsync(ct);
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(ct);
        var slots = await SlotsAsync(db, userId, ct);
        var suggested = slots.Count == 0
            ? QueueDefaults.Suggested.Select(s => new SuggestedSlotDto(s.Platform, SlotWire.Weekday(s.Weekday), SlotWire.Time(s.LocalTime))).ToList()
            : null;
        return TypedResults.Ok(Envelope.Of(slots, new SlotsMeta(zone, suggested)));
    }

    public static async Task<Results<Created<Envelope<QueueSlotDto>>, ApiProblem>> AddSlot(
        SlotRequest request, IValidator<SlotRequest> validator, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var slot = ToSlot(user.UserId(), request);
        db.QueueSlots.Add(slot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblem.Conflict("Queue.SlotExists", PostState.PlatformName(slot.Platform), request.Weekday, request.Time);
        }
        return TypedResults.Created($"/api/queue/slots/{slot.Id}", Envelope.Of(ToDto(slot)));
    }

    public static async Task<Results<Ok<Envelope<List<QueueSlotDto>>>, ApiProblem>> ReplaceSlots(
        ReplaceSlotsRequest request, IValidator<ReplaceSlotsRequest> validator, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var slots = request.Slots!.Select(r => ToSlot(userId, r)).DistinctBy(s => (s.Platform, s.Weekday, s.LocalTime)).ToList();
        await ReplaceAsync(db, userId, slots, ct);
        return TypedResults.Ok(Envelope.Of(await SlotsAsync(db, userId, ct)));
    }

    public static async Task<Results<Ok<Envelope<List<QueueSlotDto>>>, ApiProblem>> AdoptSuggested(
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        if (await db.QueueSlots.AnyAsync(s => s.UserId == userId, ct))
        {
            return ApiProblem.Conflict("Queue.ScheduleExists");
        }
        var slots = QueueDefaults.Suggested
            .Select(s => new QueueSlot { Id = Guid.CreateVersion7(), UserId = userId, Platform = s.Platform, Weekday = s.Weekday, LocalTime = s.LocalTime })
            .ToList();
        await ReplaceAsync(db, userId, slots, ct);
        return TypedResults.Ok(Envelope.Of(await SlotsAsync(db, userId, ct)));
    }

    public static async Task<Results<NoContent, ApiProblem>> DeleteSlot(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var deleted = await db.QueueSlots.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? ApiProblem.NotFound("Slot") : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Envelope<List<QueueEntryDto>>>, ApiProblem>> GetQueue(
        string? from, string? to, IValidator<QueueRangeQuery> validator, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (await validator.ValidateAsync(new QueueRangeQuery(from, to), ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        await db.Database.OpenConnectionAsync(ct);
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.TimeZone, u.PublishingPausedAt }).SingleAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone);
        var firstDay = from is null ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime) : SlotWire.Date(from);
        var lastDay = to is null ? firstDay.AddDays(6) : SlotWire.Date(to);
        var (start, end) = (SlotTimes.Instant(firstDay, TimeOnly.MinValue, zone), SlotTimes.Instant(lastDay.AddDays(1), TimeOnly.MinValue, zone));

        var slots = await db.QueueSlots.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new WeeklyTime(s.Platform, s.Weekday, s.LocalTime)).ToListAsync(ct);
        var taken = await QueuePlanner.TakenBetween(db, userId, start, end).ToListAsync(ct);
        var entries = SlotTimes.Between(slots, zone, start, end)
            .Select(o => new QueueEntryDto(o.Platform, o.At, SlotWire.Date(o.LocalDate), SlotWire.Time(o.LocalTime),
                taken.FirstOrDefault(t => t.Platform == o.Platform && t.ScheduledAt == o.At) is { } post
                    ? new QueuedPostDto(post.PostId, post.PostPlatform, CalendarMonth.Preview(post.Content), post.Status)
                    : null))
            .ToList();
        return TypedResults.Ok(Envelope.Of(entries,
            new QueueMeta(account.TimeZone, SlotWire.Date(firstDay), SlotWire.Date(lastDay), account.PublishingPausedAt)));
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> QueuePost(
        Guid id, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler, TimeProvider clock, SignedMediaLinks links,
        CancellationToken ct)
    {
        var userId = user.UserId();
        QueuedMeta? queued = null;
        var problem = await InUserQueueAsync(db, userId, async () =>
        {
            var post = await PostStore.FindAsync(db, userId, id, tracked: true, ct);
            if (post is null)
            {
                return ApiProblem.NotFound("Post");
            }
            if (post.Status is PostStatus.Scheduled or PostStatus.Published)
            {
                return ApiProblem.BusinessRule(post.Status == PostStatus.Published ? "Queue.PublishedPost" : "Queue.AlreadyScheduled");
            }
            var now = clock.GetDbNow();
            var planner = await QueuePlanner.LoadAsync(db, userId, now, ct);
            var (at, none) = planner.Take(post.Platform, now);
            if (none is not null)
            {
                return none;
            }
            if (CalendarApi.CannotSchedule(post, at!.Value, now) is { } refused)
            {
                return refused;
            }
            queued = new QueuedMeta(at.Value, planner.LocalTime(at.Value), planner.Zone.Id);
            return await Conflicts.SaveAsync(() => scheduler.ScheduleAsync(post, at.Value, ct), ConflictSubject.Post);
        }, ct);
        if (problem is not null)
        {
            return problem;
        }
        var scheduled = await PostStore.FindAsync(db, userId, id, tracked: false, ct);
        return TypedResults.Ok(Envelope.Of(scheduled!.ToDto(links), queued));
    }

    public static async Task<Ok<Envelope<PauseStateDto>>> GetPause(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Envelope.Of(await PauseStateAsync(db, user.UserId(), clock.GetUtcNow(), ct)));

    public static async Task<Ok<Envelope<PauseStateDto>>> Pause(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var now = clock.GetDbNow();
        // One statement: whatever a dispatcher's claim reads after this commits, it sees the pause (docs/queue.md).
        await db.Users.Where(u => u.Id == userId && u.PublishingPausedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PublishingPausedAt, now), ct);
        // A claim statement (a post's or a first comment's) that began before that commit read the user as not paused and
        // may still be taking their rows. Locking the rows such a claim takes once, without SKIP LOCKED, waits for it to
        // commit (or makes it skip them); claims that start later see the pause. So when this answers, whatever will
        // still go out is already claimed. Rows a Worker holds under a live lease are left alone: their own short
        // transactions lock several rows at once, and waiting on them here could deadlock.
        await using (var barrier = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"""
                SELECT 1 FROM post_publications
                WHERE user_id = {userId}
                  AND (status = 'pending' OR (status = 'published' AND comment_status = 'pending'))
                ORDER BY id
                FOR UPDATE
                """, ct);
            await barrier.CommitAsync(ct);
        }
        return TypedResults.Ok(Envelope.Of(await PauseStateAsync(db, userId, clock.GetUtcNow(), ct)));
    }

    public static async Task<Results<Ok<Envelope<PauseStateDto>>, ApiProblem>> Resume(
        ResumeRequest request, IValidator<ResumeRequest> validator, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler,
        TimeProvider clock, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var rescheduled = new List<RescheduledPostDto>();
        var publishedNow = 0;
        var problem = await InUserQueueAsync(db, userId, async () =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == userId, ct);
            if (account.PublishingPausedAt is null)
            {
                return ApiProblem.Conflict("Queue.NotPaused");
            }
            var now = clock.GetDbNow();
            var overdue = await OverduePosts(db, userId, now).ToListAsync(ct);
            if (request.Overdue == ResumeRequestValidator.NextSlots)
            {
                var planner = await QueuePlanner.LoadAsync(db, userId, now, ct);
                // A post for both whose other network's send is in flight (being sent, or its reconciliation waiting for
                // the pause to end) cannot move: that would re-arm a send that may be out. Its overdue half goes out now.
                var inFlight = await db.PostPublications
                    .Where(p => p.UserId == userId && p.Status == PublicationStatus.Sending && overdue.Contains(p.PostId))
                    .Select(p => p.PostId).ToListAsync(ct);
                foreach (var postId in overdue)
                {
                    if (inFlight.Contains(postId))
                    {
                        publishedNow++;
                        continue;
                    }
                    var post = await db.Posts.SingleAsync(p => p.Id == postId, ct);
                    var (at, none) = planner.Take(post.Platform, now);
                    if (none is not null)
                    {
                        return none;
                    }
                    if (await Conflicts.SaveAsync(() => scheduler.ScheduleAsync(post, at!.Value, ct), ConflictSubject.Post) is { } failed)
                    {
                        return failed;
                    }
                    rescheduled.Add(new RescheduledPostDto(post.Id, at!.Value));
                }
            }
            else
            {
                // Already due: once the pause is lifted the next claim takes them, woken by the NOTIFY below.
                publishedNow = overdue.Count;
            }
            account.PublishingPausedAt = null;
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {PublicationScheduler.Channel}", ct);
            return null;
        }, ct);
        if (problem is not null)
        {
            return problem;
        }
        var state = await PauseStateAsync(db, userId, clock.GetUtcNow(), ct);
        return TypedResults.Ok(Envelope.Of(state, new ResumeMeta(request.Overdue!, publishedNow, rescheduled)));
    }

    /// <summary>Runs <paramref name="work"/> in one transaction holding the user's queue lock, so two requests never
    /// pick the same free slot; a problem rolls everything back.</summary>
    private static Task<ApiProblem?> InUserQueueAsync(AppDbContext db, Guid userId, Func<Task<ApiProblem?>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"queue:" + userId.ToString("N")}, 0))", token);
            var problem = await work();
            if (problem is null)
            {
                await transaction.CommitAsync(token);
            }
            return problem;
        }, ct);

    /// <summary>Posts with a publication that fell due and is still waiting, oldest due first.</summary>
    private static IQueryable<Guid> OverduePosts(AppDbContext db, Guid userId, DateTimeOffset now) =>
        db.PostPublications.Where(p => p.UserId == userId && p.Status == PublicationStatus.Pending && p.LeaseOwner == null && p.DueAt <= now)
            .GroupBy(p => p.PostId).OrderBy(g => g.Min(p => p.DueAt)).Select(g => g.Key);

    private static async Task<PauseStateDto> PauseStateAsync(AppDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var pausedAt = await db.Users.Where(u => u.Id == userId).Select(u => u.PublishingPausedAt).SingleAsync(ct);
        var overdue = await OverduePosts(db, userId, now).CountAsync(ct);
        return new PauseStateDto(pausedAt is not null, pausedAt, overdue);
    }

    private static async Task ReplaceAsync(AppDbContext db, Guid userId, List<QueueSlot> slots, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.QueueSlots.Where(s => s.UserId == userId).ExecuteDeleteAsync(token);
            db.QueueSlots.AddRange(slots);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, ct);

    private static async Task<List<QueueSlotDto>> SlotsAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        (await db.QueueSlots.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct)).InWeekOrder().Select(ToDto).ToList();

    private static QueueSlot ToSlot(Guid userId, SlotRequest request) => new()
    {
        Id = Guid.CreateVersion7(), UserId = userId, Platform = WireEnum.Parse<SocialPlatform>(request.Platform)!.Value,
        Weekday = WireEnum.Parse<DayOfWeek>(request.Weekday)!.Value, LocalTime = SlotWire.Time(request.Time!),
    };

    private static QueueSlotDto ToDto(QueueSlot slot) =>
        new(slot.Id, slot.Platform, SlotWire.Weekday(slot.Weekday), SlotWire.Time(slot.LocalTime), slot.CreatedAt);
}
