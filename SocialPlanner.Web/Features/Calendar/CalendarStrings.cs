namespace SocialPlanner.Web.Features.Calendar;

/// <summary>Marker of the calendar's texts (CalendarStrings.resx, CalendarStrings.fr.resx), the scheduler's own
/// buttons and views included.</summary>
public sealed class CalendarStrings;
