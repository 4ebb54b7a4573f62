namespace SocialPlanner.Web.Features.Calendar;

public static class CalendarMoves
{
    /// <summary>
    /// Where a dragged post lands. A month cell is a day (its slot starts at midnight): the post keeps its time of
    /// day, to the second, on the new day. A week or day slot is a time: the post takes the slot's start.
    /// </summary>
    public static DateTime Target(DateTime start, DateTime slot) =>
        slot.TimeOfDay == TimeSpan.Zero ? slot.Date + start.TimeOfDay : slot;

    /// <summary>
    /// When a new post, or a draft dropped on the calendar, goes out: a month cell (a day) means 9:00 that day, or the
    /// next full hour when that is today and 9:00 has passed; a week or day slot means its time. Null when that time
    /// has passed.
    /// </summary>
    public static DateTime? NewPostTime(DateTime slot, bool isDay, DateTime now)
    {
        var local = isDay ? slot.Date.AddHours(9) : slot;
        if (local.Date == now.Date && local <= now)
        {
            local = now.Date.AddHours(now.Hour + 1);
        }
        return local > now ? local : null;
    }
}
