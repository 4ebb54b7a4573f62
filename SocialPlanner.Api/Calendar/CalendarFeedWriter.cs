using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;
using SocialPlanner.Localisation;

namespace SocialPlanner.Api.Calendar;

/// <summary>A post as the feed shows it: when it goes (or went) out, on which networks, and its text.</summary>
public sealed record FeedPost(Guid Id, PostPlatform Platform, PostStatus Status, DateTimeOffset At, string Content);

/// <summary>Writes the private iCalendar feed (RFC 5545). Times are UTC instants (<c>DTSTART:…Z</c>): every
/// calendar shows them in its viewer's own zone, so no VTIMEZONE is needed and a DST change cannot shift a post.
/// One UID per post, stable across reads, so a calendar that re-reads the feed moves an event rather than
/// duplicating it. Its words are in the current culture: the feed's owner's (see <c>CalendarFeedApi.Read</c>).</summary>
public static class CalendarFeedWriter
{
    public const string ProductId = "-//SocialPlanner//Calendar feed//EN";
    public const string CalendarName = "SocialPlanner";

    /// <summary>A post occupies a short slot so that calendars draw it as a block, not a zero-length line.</summary>
    public static readonly TimeSpan EventLength = TimeSpan.FromMinutes(15);

    private const int SummaryWords = 8;

    public static string Write(IEnumerable<FeedPost> posts, Func<Guid, Uri> postLink, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", CalendarName);
        foreach (var post in posts)
        {
            var link = postLink(post.Id);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"post-{post.Id}@socialplanner",
                DtStamp = Utc(now),
                DtStart = Utc(post.At),
                DtEnd = Utc(post.At + EventLength),
                Summary = Summary(post),
                Description = Description(post, link),
                Url = link,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>"LinkedIn: the first words of the post…"; a published post is marked as such.</summary>
    public static string Summary(FeedPost post)
    {
        var words = post.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var head = string.Join(' ', words.Take(SummaryWords)) + (words.Length > SummaryWords ? "…" : "");
        var platform = PlatformName(post.Platform);
        return ResourceTexts<CalendarFeedStrings>.Get(post.Status == PostStatus.Published ? "PublishedSummary" : "ScheduledSummary",
            platform, head);
    }

    private static string Description(FeedPost post, Uri link) =>
        ResourceTexts<CalendarFeedStrings>.Get("Description", post.Content, link);

    private static string PlatformName(PostPlatform platform) => platform switch
    {
        PostPlatform.Linkedin => "LinkedIn",
        PostPlatform.Instagram => "Instagram",
        _ => "LinkedIn + Instagram",
    };

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);
}
