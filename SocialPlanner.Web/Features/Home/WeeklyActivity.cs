using System.Globalization;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Home;

public sealed record WeekCount(string Week, int Count);

public sealed record StatusSeries(PostStatus Status, IReadOnlyList<WeekCount> Weeks);

/// <summary>Posts per week (Monday to Sunday, in the user's zone) for each status: the home page's chart.</summary>
public static class WeeklyActivity
{
    /// <summary>From <paramref name="weeksBack"/> weeks ago to <paramref name="weeksAhead"/> weeks ahead; a post counts in the
    /// week it is (or was) scheduled for, or was created in when it has no date.</summary>
    public static IReadOnlyList<StatusSeries> Build(IEnumerable<PostSummary> posts, Func<DateTimeOffset, DateTime> toLocal, DateTime today,
        PostPlatform? platform, int weeksBack = 5, int weeksAhead = 2)
    {
        var firstWeek = MondayOf(today).AddDays(-7 * weeksBack);
        var weeks = Enumerable.Range(0, weeksBack + weeksAhead + 1).Select(i => firstWeek.AddDays(7 * i)).ToList();
        var counted = posts
            .Where(p => platform is null || p.Platform == platform)
            .Select(p => (p.Status, Week: MondayOf(toLocal(p.ScheduledAt ?? p.CreatedAt))))
            .ToList();
        return Enum.GetValues<PostStatus>()
            .Select(status => new StatusSeries(status, weeks
                .Select(week => new WeekCount(week.ToString("d MMM", CultureInfo.CurrentCulture), counted.Count(c => c.Status == status && c.Week == week)))
                .ToList()))
            .ToList();
    }

    public static DateTime MondayOf(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
