using System.Globalization;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Api.Calendar;

/// <summary>The pure rules of the calendar view: which instant range a month covers in a time zone, which local
/// day a post falls on, and how a post is previewed.</summary>
public static class CalendarMonth
{
    public const int PreviewLength = 100;

    /// <summary>Two posts closer than this on a shared platform earn a warning (the spec's "slot already taken").</summary>
    public static readonly TimeSpan BusySlot = TimeSpan.FromMinutes(30);

    /// <summary>Parses <c>YYYY-MM</c> exactly (no day, no other separators).</summary>
    public static bool TryParse(string? value, out DateOnly firstDay) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay)
        && value!.Length == 7;

    /// <summary>A month already validated with <see cref="TryParse"/>.</summary>
    public static DateOnly Parse(string? value) =>
        TryParse(value, out var firstDay) ? firstDay : throw new FormatException($"Not a YYYY-MM month: {value}");

    /// <summary>The month's first local instant (inclusive) and the next month's first (exclusive), in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) UtcRange(DateOnly firstDay, TimeZoneInfo zone) =>
        (StartOfLocalDay(firstDay, zone), StartOfLocalDay(firstDay.AddMonths(1), zone));

    /// <summary>The local calendar day of an instant, as the data's keys spell it.</summary>
    public static string LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Where a post sits on the calendar: when it went out if it did, else when it is planned to; null keeps
    /// it off the calendar (a draft with no date).</summary>
    public static DateTimeOffset? CalendarTime(PostStatus status, DateTimeOffset? scheduledAt, DateTimeOffset? publishedAt) =>
        status == PostStatus.Published ? publishedAt ?? scheduledAt : scheduledAt;

    /// <summary>The first <see cref="PreviewLength"/> characters, cut at the last word boundary before the limit
    /// (a single overlong word is cut where it must be) and marked with an ellipsis when shortened.</summary>
    public static string Preview(string content)
    {
        var text = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = new StringInfo(text);
        if (elements.LengthInTextElements <= PreviewLength)
        {
            return text;
        }
        var head = elements.SubstringByTextElements(0, PreviewLength);
        var lastSpace = head.LastIndexOf(' ');
        return (lastSpace > 0 ? head[..lastSpace] : head).TrimEnd() + "…";
    }

    /// <summary>Two posts compete for a slot when they share a platform.</summary>
    public static bool ShareAPlatform(PostPlatform a, PostPlatform b) =>
        PublicationScheduler.TargetsOf(a).Intersect(PublicationScheduler.TargetsOf(b)).Any();

    /// <summary>"Another LinkedIn post is planned for Sat 1 Jun 2030 at 12:00 (Europe/Zurich), within 30 minutes of this
    /// one": the other post's time in the user's zone, written in the current (the request's) culture.</summary>
    public static ApiText BusySlotWarning(PostPlatform other, PostPlatform scheduled, DateTimeOffset otherAt, TimeZoneInfo zone)
    {
        var shared = PublicationScheduler.TargetsOf(other).Intersect(PublicationScheduler.TargetsOf(scheduled)).Select(PostState.PlatformName).ToList();
        var local = TimeZoneInfo.ConvertTime(otherAt, zone);
        return ApiText.Of("Calendar.BusySlot", ApiText.List(shared, "Words.And"),
            local.ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture), local.ToString("HH:mm", CultureInfo.CurrentCulture), zone.Id,
            BusySlot.TotalMinutes.ToString("0", CultureInfo.CurrentCulture));
    }

    /// <summary>Local midnight, or the first valid instant after it where a daylight-saving jump skips midnight.</summary>
    public static DateTimeOffset StartOfLocalDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
