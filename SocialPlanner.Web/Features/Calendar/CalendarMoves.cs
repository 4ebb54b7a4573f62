namespace SocialPlanner.Web.Features.Calendar;

public static class CalendarMoves
{
    /// <summary>
    /// Where a dragged post lands. A month cell is a day (its slot starts at midnight): the post keeps its time of
    /// day, to the second, on the new day. A week or day slot is a time: the post takes the slot's start.
    /// </summary>
    public static DateTime Target(DateTime start, DateTime slot) =>
        slot.TimeOfDay == TimeSpan.Zero ? slot.Date + start.TimeOfDay : slot;
}
