using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>A post on the calendar, as <c>GET /api/calendar/posts</c> lists it under its day.</summary>
public sealed record CalendarPost(
    Guid Id, PostPlatform Platform, string ContentPreview, PostStatus Status, DateTimeOffset? ScheduledAt, DateTimeOffset? PublishedAt, int MediaCount)
{
    /// <summary>Where the post sits on the calendar: when it is (or was) due, else when it went out.</summary>
    public DateTimeOffset? At => ScheduledAt ?? PublishedAt;
}

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

    /// <summary>The user's calendar version now, then again whenever their posts change anywhere (the Worker publishing
    /// one, another tab) and on the Api's heartbeat: <c>GET /api/calendar/changes</c>, Server-Sent Events. Ends when
    /// the connection does; the caller reconnects.</summary>
    public async IAsyncEnumerable<string> ChangesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calendar/changes");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var change in ServerSentEvents.ReadAsync(body, ct))
        {
            if (change.Event == "changed")
            {
                yield return change.Data;
            }
        }
    }

    /// <summary>The Api's non-blocking remarks (<c>meta.warnings</c>), e.g. another post on that platform within 30 minutes.</summary>
    private static string? WarningOf(Envelope<Post> answer) =>
        answer.MetaValue<List<string>>("warnings") is { Count: > 0 } warnings ? string.Join(" ", warnings) : null;
}
