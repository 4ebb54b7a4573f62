using System.Globalization;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>A post on the calendar, as <c>GET /api/calendar/posts</c> lists it under its day.</summary>
public sealed record CalendarPost(Guid Id, PostPlatform Platform, string ContentPreview, PostStatus Status, DateTimeOffset ScheduledAt, int MediaCount);

public sealed record ScheduleRequest(DateTimeOffset ScheduledAt);

/// <summary>The schedule saved, with the Api's non-blocking warning when the slot was already busy.</summary>
public sealed record ScheduleResult(Post Post, string? Warning);

/// <summary>The Api's <c>/api/calendar</c> endpoints.</summary>
public sealed class CalendarClient(ApiHttp http)
{
    /// <summary>The month's posts (days in the user's zone), flattened: the scheduler places them by time itself.</summary>
    public async Task<IReadOnlyList<CalendarPost>> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var key = new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var days = await http.GetAsync<Dictionary<string, List<CalendarPost>>>($"/api/calendar/posts?month={key}", ct);
        return days.Data.Values.SelectMany(posts => posts).ToList();
    }

    public async Task<ScheduleResult> ScheduleAsync(Guid postId, DateTimeOffset at, CancellationToken ct = default)
    {
        var answer = await http.PatchAsync<Post>($"/api/calendar/posts/{postId}/schedule", new ScheduleRequest(at.ToUniversalTime()), ct);
        return new ScheduleResult(answer.Data, WarningOf(answer));
    }

    public Task UnscheduleAsync(Guid postId, CancellationToken ct = default) => http.DeleteAsync($"/api/calendar/posts/{postId}/schedule", ct);

    /// <summary>The warning may come as a sentence or as an object with a message.</summary>
    private static string? WarningOf(Envelope<Post> answer)
    {
        if (answer.MetaValue<System.Text.Json.JsonElement?>("warning") is not { } warning)
        {
            return null;
        }
        return warning.ValueKind == System.Text.Json.JsonValueKind.String
            ? warning.GetString()
            : warning.TryGetProperty("message", out var message) ? message.GetString() : warning.ToString();
    }
}
