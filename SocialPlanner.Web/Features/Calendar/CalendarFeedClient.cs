using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>The private calendar feed's state; <see cref="Url"/> only in the answer that made it.</summary>
public sealed record CalendarFeed(bool Enabled, DateTimeOffset? CreatedAt, string? Url);

/// <summary>The Api's <c>/api/calendar/feed</c>.</summary>
public sealed class CalendarFeedClient(ApiHttp http)
{
    public async Task<CalendarFeed> GetAsync(CancellationToken ct = default) => (await http.GetAsync<CalendarFeed>("/api/calendar/feed", ct)).Data;

    /// <summary>Turns the feed on, or gives it a new address (the old one stops working).</summary>
    public async Task<CalendarFeed> TurnOnAsync(CancellationToken ct = default) => (await http.PostAsync<CalendarFeed>("/api/calendar/feed", null, ct)).Data;

    public Task TurnOffAsync(CancellationToken ct = default) => http.DeleteAsync("/api/calendar/feed", ct);
}
