using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Auth;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Calendar;

/// <summary>The state of the user's private feed. <see cref="Url"/> is given only by the answer that made it: the
/// database keeps only the secret's hash.</summary>
public sealed record CalendarFeedDto(bool Enabled, DateTimeOffset? CreatedAt, string? Url);

/// <summary>A private iCalendar feed of the user's scheduled and published posts, for Google Calendar, Outlook or
/// Apple Calendar. Its address holds a 256-bit secret; turning it on again rotates the secret (the old address
/// stops working), turning it off forgets it.</summary>
public static class CalendarFeedApi
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How far back published posts stay in the feed; everything still scheduled is in it.</summary>
    public static readonly TimeSpan PublishedHistory = TimeSpan.FromDays(180);

    public static IEndpointRouteBuilder MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/feed").WithTags("Calendar feed");
        api.MapGet("/", GetState).RequireAuthorization().WithName("GetCalendarFeed")
            .WithSummary("Whether the private calendar feed is on (its address is shown only when made)");
        api.MapPost("/", TurnOn).RequireAuthorization().WithName("TurnOnCalendarFeed")
            .WithSummary("Turn the private calendar feed on, or rotate its secret address; answers the new address");
        api.MapDelete("/", TurnOff).RequireAuthorization().WithName("TurnOffCalendarFeed")
            .WithSummary("Turn the private calendar feed off: its address stops working");
        api.MapGet("/{token}.ics", Read).AllowAnonymous().WithName("ReadCalendarFeed")
            .WithSummary("The iCalendar feed itself (no sign-in: the secret address is the credential)");
        return app;
    }

    public static async Task<Ok<Envelope<CalendarFeedDto>>> GetState(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var createdAt = await db.Users.Where(u => u.Id == userId && u.CalendarFeedTokenHash != null)
            .Select(u => u.CalendarFeedCreatedAt).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(Envelope.Of(new CalendarFeedDto(createdAt is not null, createdAt, null)));
    }

    public static async Task<Ok<Envelope<CalendarFeedDto>>> TurnOn(
        ClaimsPrincipal user, AppDbContext db, HttpRequest request, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var token = TokenHashing.NewToken();
        var now = clock.GetUtcNow().ToDbPrecision();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.CalendarFeedTokenHash, TokenHashing.Hash(token))
            .SetProperty(u => u.CalendarFeedCreatedAt, now), ct);
        return TypedResults.Ok(Envelope.Of(new CalendarFeedDto(true, now, FeedUrl(request, configuration, token))));
    }

    public static async Task<NoContent> TurnOff(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.CalendarFeedTokenHash, (string?)null)
            .SetProperty(u => u.CalendarFeedCreatedAt, (DateTimeOffset?)null), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Only the token's hash meets the database, through a unique index: neither the answer nor its timing
    /// tells a guesser how close a guess was. The owner found is then the request's user, so every further read
    /// goes through row-level security as that user. Anonymous requests are rate-limited per address like
    /// every other anonymous call.</summary>
    public static async Task<Results<ContentHttpResult, ApiProblem>> Read(
        string token, AppDbContext db, DbSession session, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var hash = TokenHashing.Hash(token);
        var owner = await db.Database.SqlQuery<Guid?>($"SELECT calendar_feed_owner({hash}) AS \"Value\"").SingleAsync(ct);
        if (owner is not { } userId)
        {
            return ApiProblem.NotFound("CalendarFeed");
        }
        session.UserId = userId;

        var now = clock.GetUtcNow();
        var since = now - PublishedHistory;
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.UserId == userId
                && ((p.Status == PostStatus.Scheduled && p.ScheduledAt != null)
                    || (p.Status == PostStatus.Published && (p.PublishedAt ?? p.ScheduledAt) >= since)))
            .Select(p => new { p.Id, p.Platform, p.Status, p.ScheduledAt, p.PublishedAt, p.Content })
            .ToListAsync(ct);
        var feed = posts
            .Select(p => new FeedPost(p.Id, p.Platform, p.Status, CalendarMonth.CalendarTime(p.Status, p.ScheduledAt, p.PublishedAt)!.Value, p.Content))
            .OrderBy(p => p.At).ThenBy(p => p.Id);
        // Calendars fetch the feed without a language of their own: it speaks its owner's.
        var language = await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(ct);
        using (UserCulture.Use(language))
        {
            return TypedResults.Content(CalendarFeedWriter.Write(feed, id => WebLinks.Post(configuration, id), now), ContentType);
        }
    }

    /// <summary>The Api's own public address (<c>Api:PublicBaseUrl</c> behind a proxy), else the one the caller used.</summary>
    private static string FeedUrl(HttpRequest request, IConfiguration configuration, string token)
    {
        var baseUrl = configuration["Api:PublicBaseUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{baseUrl}/api/calendar/feed/{token}.ics";
    }
}
