namespace SocialPlanner.Api.Calendar;

/// <summary>Names the calendar feed's resources (<c>CalendarFeedStrings.resx</c>, <c>CalendarFeedStrings.fr.resx</c>).</summary>
public sealed class CalendarFeedStrings;
