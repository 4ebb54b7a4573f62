using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Posts;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Api.Calendar;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/posts").WithTags("Calendar").RequireAuthorization();

        api.MapGet("/", GetMonth).WithName("GetCalendarMonth").CacheOutput(CalendarCache.PolicyName)
            .WithSummary("The user's posts of a month (YYYY-MM), grouped by day in their time zone (or tz)");
        api.MapPatch("/{id:guid}/schedule", SchedulePost).WithName("SchedulePost").InvalidatesCalendar()
            .WithSummary("Schedule or reschedule a post; warns when another post on its platform is within 30 minutes");
        api.MapDelete("/{id:guid}/schedule", UnschedulePost).WithName("UnschedulePost").InvalidatesCalendar()
            .WithSummary("Take a post off the calendar: back to draft, its pending publications cancelled");
        return app;
    }

    public static async Task<Results<Ok<Envelope<SortedDictionary<string, List<CalendarPostDto>>>>, ApiProblem>> GetMonth(
        string? month, string? tz, IValidator<CalendarMonthQuery> validator, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (await validator.ValidateAsync(new CalendarMonthQuery(month, tz), ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var firstDay = CalendarMonth.Parse(month);
        var userId = user.UserId();

        var zoneId = tz ?? await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (start, end) = CalendarMonth.UtcRange(firstDay, zone);
        var candidates = await db.Posts.AsNoTracking()
            .Where(p => p.UserId == userId
                && ((p.ScheduledAt >= start && p.ScheduledAt < end) || (p.PublishedAt >= start && p.PublishedAt < end)))
            .Select(p => new { p.Id, p.Platform, p.Content, p.Status, p.ScheduledAt, p.PublishedAt, MediaCount = p.Media.Count })
            .ToListAsync(ct);

        var posts = candidates
            .Select(p => (Post: p, At: CalendarMonth.CalendarTime(p.Status, p.ScheduledAt, p.PublishedAt)))
            .Where(p => p.At >= start && p.At < end)
            .OrderBy(p => p.At).ThenBy(p => p.Post.Id)
            .ToList();
        var days = new SortedDictionary<string, List<CalendarPostDto>>(StringComparer.Ordinal);
        foreach (var (p, at) in posts)
        {
            var day = CalendarMonth.LocalDay(at!.Value, zone);
            if (!days.TryGetValue(day, out var list))
            {
                days[day] = list = [];
            }
            list.Add(new CalendarPostDto(p.Id, p.Platform, CalendarMonth.Preview(p.Content), p.Status, p.ScheduledAt, p.PublishedAt, p.MediaCount));
        }

        int Count(PostStatus status) => posts.Count(p => p.Post.Status == status);
        var meta = new CalendarMeta(firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), zoneId, posts.Count,
            new StatusCounts(Count(PostStatus.Draft), Count(PostStatus.Scheduled), Count(PostStatus.Published), Count(PostStatus.Failed)));
        return TypedResults.Ok(Envelope.Of(days, meta));
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> SchedulePost(
        Guid id, ScheduleRequest request, IValidator<ScheduleRequest> validator, ClaimsPrincipal user, AppDbContext db,
        PublicationScheduler scheduler, TimeProvider clock, SignedMediaLinks links, IStringLocalizer<ApiStrings> text, CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var scheduledAt = request.ScheduledAt!.Value.ToDbPrecision();
        var userId = user.UserId();
        var post = await PostStore.FindAsync(db, userId, id, tracked: true, ct);
        if (post is null)
        {
            return ApiProblem.NotFound("Post");
        }
        if (Conflicts.StaleCopy(db, post, request.UpdatedAt, ConflictSubject.Post) is { } conflict)
        {
            return conflict;
        }
        if (CannotSchedule(post, scheduledAt, clock.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        var warnings = await BusySlotWarningsAsync(db, post, scheduledAt, text, ct);
        if (await Conflicts.SaveAsync(() => scheduler.ScheduleAsync(post, scheduledAt, ct), ConflictSubject.Post) is { } failed)
        {
            return failed;
        }
        var scheduled = await PostStore.FindAsync(db, userId, id, tracked: false, ct);
        return TypedResults.Ok(Envelope.Of(scheduled!.ToDto(links), new ScheduleMeta(warnings)));
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> UnschedulePost(
        Guid id, DateTimeOffset? updatedAt, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler,
        SignedMediaLinks links, CancellationToken ct)
    {
        var userId = user.UserId();
        var post = await PostStore.FindAsync(db, userId, id, tracked: true, ct);
        if (post is null)
        {
            return ApiProblem.NotFound("Post");
        }
        if (Conflicts.StaleCopy(db, post, updatedAt, ConflictSubject.Post) is { } conflict)
        {
            return conflict;
        }
        if (post.Status == PostStatus.Published)
        {
            return ApiProblem.BusinessRule("Calendar.PublishedUnschedule");
        }
        if (await PostsApi.LiveOnAsync(db, id, ct) is { } live)
        {
            return ApiProblem.BusinessRule("Calendar.LiveUnschedule", live);
        }
        if (await Conflicts.SaveAsync(() => scheduler.UnscheduleAsync(post, ct), ConflictSubject.Post) is { } failed)
        {
            return failed;
        }
        var draft = await PostStore.FindAsync(db, userId, id, tracked: false, ct);
        return TypedResults.Ok(Envelope.Of(draft!.ToDto(links)));
    }

    /// <summary>Why <paramref name="post"/> may not go out at <paramref name="scheduledAt"/>, or null: the rules every way
    /// of scheduling applies (the calendar, the queue) before <see cref="PublicationScheduler.ScheduleAsync"/>.</summary>
    internal static ApiProblem? CannotSchedule(Post post, DateTimeOffset scheduledAt, DateTimeOffset now)
    {
        if (post.Status == PostStatus.Published)
        {
            return ApiProblem.BusinessRule("Calendar.PublishedReschedule");
        }
        if (scheduledAt <= now)
        {
            return ApiProblem.BusinessRule(ApiText.Of("Calendar.MustBeFuture"), [FieldProblem.Of("scheduled_at", "Validation.Future")]);
        }
        var violations = PlatformRules.For(post);
        return violations.Count > 0
            ? ApiProblem.RulesBroken(violations)
            : null;
    }

    /// <summary>The user's other planned or published posts sharing a platform with this one within
    /// <see cref="CalendarMonth.BusySlot"/> of <paramref name="at"/>; one warning each.</summary>
    private static async Task<List<string>> BusySlotWarningsAsync(
        AppDbContext db, Post post, DateTimeOffset at, IStringLocalizer<ApiStrings> text, CancellationToken ct)
    {
        var (from, to) = (at - CalendarMonth.BusySlot, at + CalendarMonth.BusySlot);
        var neighbours = await db.Posts.AsNoTracking()
            .Where(p => p.UserId == post.UserId && p.Id != post.Id && (p.Status == PostStatus.Scheduled || p.Status == PostStatus.Published)
                && ((p.ScheduledAt >= from && p.ScheduledAt <= to) || (p.PublishedAt >= from && p.PublishedAt <= to)))
            .Select(p => new { p.Platform, p.Status, p.ScheduledAt, p.PublishedAt })
            .ToListAsync(ct);
        var busy = neighbours
            .Select(n => (n.Platform, At: CalendarMonth.CalendarTime(n.Status, n.ScheduledAt, n.PublishedAt)!.Value))
            .Where(n => n.At >= from && n.At <= to && CalendarMonth.ShareAPlatform(n.Platform, post.Platform))
            .OrderBy(n => n.At)
            .ToList();
        if (busy.Count == 0)
        {
            return [];
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Users.Where(u => u.Id == post.UserId).Select(u => u.TimeZone).SingleAsync(ct));
        return [.. busy.Select(n => CalendarMonth.BusySlotWarning(n.Platform, post.Platform, n.At, zone).Resolve(text))];
    }
}
