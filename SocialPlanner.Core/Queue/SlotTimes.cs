using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Queue;

/// <summary>A slot's weekday and wall-clock time, without identity: what the arithmetic needs.</summary>
public readonly record struct WeeklyTime(SocialPlatform Platform, DayOfWeek Weekday, TimeOnly LocalTime);

/// <summary>One occurrence of a weekly slot: the local date and time it was meant for, and the instant it falls on.</summary>
public readonly record struct SlotOccurrence(SocialPlatform Platform, DateOnly LocalDate, TimeOnly LocalTime, DateTimeOffset At);

/// <summary>The pure arithmetic of weekly slots in a time zone. Wall-clock time is kept across daylight-saving changes
/// (08:30 stays 08:30 local); a time that does not exist that day (the spring-forward gap) moves to the first valid
/// minute after the gap; a time that exists twice (the fall-back overlap) takes the first, earlier occurrence.</summary>
public static class SlotTimes
{
    /// <summary>The instant of <paramref name="date"/> at <paramref name="time"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // The gap is whole minutes everywhere that matters (30 or 60); step to its first valid minute.
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the earlier instant carries the larger (summer) offset
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Every occurrence of <paramref name="slots"/> whose instant is in [<paramref name="from"/>,
    /// <paramref name="to"/>), in time order (then platform order).</summary>
    public static IReadOnlyList<SlotOccurrence> Between(
        IEnumerable<WeeklyTime> slots, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var weekly = slots.ToList();
        var occurrences = new List<SlotOccurrence>();
        if (weekly.Count == 0 || to <= from)
        {
            return occurrences;
        }
        // A day either side: a slot's local date can differ from its UTC date by up to 14 hours.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var slot in weekly.Where(s => s.Weekday == date.DayOfWeek))
            {
                var at = Instant(date, slot.LocalTime, zone);
                if (at >= from && at < to)
                {
                    occurrences.Add(new SlotOccurrence(slot.Platform, date, slot.LocalTime, at));
                }
            }
        }
        return [.. occurrences.OrderBy(o => o.At).ThenBy(o => o.Platform)];
    }

    /// <summary>The first instant after <paramref name="after"/>, within <paramref name="horizon"/>, when every one of
    /// <paramref name="platforms"/> has a slot and none of them is in <paramref name="taken"/>; null when there is none.
    /// For two platforms that means both schedules share that weekday and time.</summary>
    public static DateTimeOffset? NextFree(
        IEnumerable<WeeklyTime> slots, TimeZoneInfo zone, IReadOnlyCollection<SocialPlatform> platforms,
        DateTimeOffset after, TimeSpan horizon, Func<SocialPlatform, DateTimeOffset, bool> taken)
    {
        var occurrences = Between(slots.Where(s => platforms.Contains(s.Platform)), zone, after.AddTicks(1), after + horizon);
        return occurrences
            .GroupBy(o => o.At)
            .Where(g => platforms.All(p => g.Any(o => o.Platform == p) && !taken(p, g.Key)))
            .Select(g => (DateTimeOffset?)g.Key)
            .FirstOrDefault();
    }
}
