using System.Net;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Calendar;

[Collection(AppCollection.Name)]
public class CalendarFeedTests(AppFixture app)
{
    private static async Task SetTimeZoneAsync(TestUser user, string zone) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, cancellationToken: Ct)).StatusCode);

    private static async Task<string> TurnOnAsync(TestUser user)
    {
        var response = await user.Http.PostAsync("/api/calendar/feed", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        Assert.True(data["enabled"]!.GetValue<bool>());
        return data["url"]!.GetValue<string>();
    }

    /// <summary>The feed as a calendar application fetches it: no sign-in, only the secret address.</summary>
    private static async Task<HttpResponseMessage> FetchAsync(string url)
    {
        using var anonymous = new HttpClient();
        return await anonymous.GetAsync(url, Ct);
    }

    private static async Task<Ical.Net.Calendar> ReadFeedAsync(string url)
    {
        var response = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
    }

    /// <summary>9:00 on <paramref name="day"/> in <paramref name="zone"/>, as an instant.</summary>
    private static DateTimeOffset NineOClock(DateOnly day, string zone)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0));
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset StartOf(CalendarEvent e) => new(e.DtStart!.AsUtc, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Zurich", 2030, 3, 30)]
    [InlineData("America/New_York", 2030, 3, 9)]
    public async Task Posts_either_side_of_a_DST_change_keep_their_instant_and_local_time_in_the_feed(string zone, int year, int month, int dayBeforeChange)
    {
        var user = await app.RegisterAsync();
        await SetTimeZoneAsync(user, zone);
        var before = new DateOnly(year, month, dayBeforeChange);
        var after = before.AddDays(1);
        var firstPost = await CalendarApiTests.CreatePostAsync(user, "Before the clocks change, a post about spring");
        var secondPost = await CalendarApiTests.CreatePostAsync(user, "After the clocks change");
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(user, firstPost, NineOClock(before, zone))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(user, secondPost, NineOClock(after, zone))).StatusCode);
        await CalendarApiTests.CreatePostAsync(user, "A draft has no date and stays out of the feed");

        var feed = await ReadFeedAsync(await TurnOnAsync(user));

        Assert.Equal(2, feed.Events.Count);
        var first = feed.Events.Single(e => e.Uid!.Contains(firstPost, StringComparison.Ordinal));
        var second = feed.Events.Single(e => e.Uid!.Contains(secondPost, StringComparison.Ordinal));
        Assert.Equal(NineOClock(before, zone), StartOf(first));
        Assert.Equal(NineOClock(after, zone), StartOf(second));
        // The two 9:00s are a day apart in the zone but not 24 hours apart: the offset changed in between.
        Assert.Equal(TimeSpan.FromHours(23), StartOf(second) - StartOf(first));
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        Assert.All(new[] { first, second }, e => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartOf(e), tz).DateTime)));

        Assert.Equal("LinkedIn: Before the clocks change, a post about spring", first.Summary);
        Assert.Equal("LinkedIn: After the clocks change", second.Summary);
        var web = app.GetEndpoint("web");
        Assert.Equal(new Uri(web, $"/posts/{firstPost}"), first.Url);
        Assert.Contains(new Uri(web, $"/posts/{firstPost}").ToString(), first.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_read_right_after_another_users_request_still_reads_as_its_owner()
    {
        // A handler that opens its connection itself (GET /api/queue/slots does, for three queries on one connection)
        // once left it open in the pooled context, still presenting its user; the feed, which becomes its owner after
        // the token lookup, then read as that other user and showed nothing.
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var mine = await CalendarApiTests.CreatePostAsync(owner, "Mine, after someone else's request");
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(owner, mine, DateTimeOffset.UtcNow.AddDays(2))).StatusCode);
        var url = await TurnOnAsync(owner);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/queue/slots", Ct)).StatusCode);
            var feed = await ReadFeedAsync(url);
            Assert.Contains(mine, Assert.Single(feed.Events).Uid!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_feed_shows_only_its_owners_posts_with_stable_uids_and_its_address_is_never_shown_again()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var mine = await CalendarApiTests.CreatePostAsync(owner, "Mine");
        var theirs = await CalendarApiTests.CreatePostAsync(other, "Theirs");
        var at = DateTimeOffset.UtcNow.AddDays(3);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(owner, mine, at)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(other, theirs, at)).StatusCode);
        await TurnOnAsync(other);

        var url = await TurnOnAsync(owner);
        var once = await ReadFeedAsync(url);
        var again = await ReadFeedAsync(url);

        Assert.Equal(once.Events.Select(e => e.Uid), again.Events.Select(e => e.Uid));
        Assert.Contains(mine, once.Events.Single().Uid!, StringComparison.Ordinal);
        var state = (await (await owner.Http.GetAsync("/api/calendar/feed", Ct)).ReadJsonAsync())["data"]!;
        Assert.True(state["enabled"]!.GetValue<bool>());
        Assert.NotNull(state["created_at"]);
        Assert.Null(state["url"]);
    }

    [Fact]
    public async Task Rotating_or_turning_off_the_feed_makes_the_old_address_answer_404()
    {
        var user = await app.RegisterAsync();
        var first = await TurnOnAsync(user);
        var rotated = await TurnOnAsync(user);
        Assert.NotEqual(first, rotated);

        var old = await FetchAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal("not_found", (await old.ReadErrorAsync())["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(rotated)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync("/api/calendar/feed", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(rotated)).StatusCode);
        var state = (await (await user.Http.GetAsync("/api/calendar/feed", Ct)).ReadJsonAsync())["data"]!;
        Assert.False(state["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_feed_settings_need_a_signed_in_user()
    {
        var anonymous = app.CreateHttpClient("api");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/calendar/feed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/calendar/feed/not-a-real-secret.ics", Ct)).StatusCode);
    }
}
