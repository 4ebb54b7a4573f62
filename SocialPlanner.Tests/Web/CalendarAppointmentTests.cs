using SocialPlanner.Web.Features.Calendar;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

/// <summary>A post has a moment, drawn as a short block; the block must never reach into the next day, or the month
/// view draws the post on two days (found by the browser test running at 23:31).</summary>
public sealed class CalendarAppointmentTests
{
    [Theory]
    [InlineData("2026-12-05T09:00:00", "2026-12-05T09:30:00")]
    [InlineData("2026-12-05T23:30:00", "2026-12-05T23:59:59.9999999")]
    [InlineData("2026-12-05T23:45:00", "2026-12-05T23:59:59.9999999")]
    [InlineData("2026-12-05T23:59:59.9999999", "2026-12-05T23:59:59.9999999")]
    public void A_post_late_in_the_evening_ends_on_its_own_day(string start, string end)
    {
        var at = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var appointment = new CalendarAppointment
        {
            Post = new CalendarPost(Guid.NewGuid(), PostPlatform.Linkedin, "Late post", PostStatus.Scheduled, at, null, 0),
            Start = at,
        };

        Assert.Equal(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), appointment.End);
        Assert.Equal(appointment.Start.Date, appointment.End.Date);
    }
}
