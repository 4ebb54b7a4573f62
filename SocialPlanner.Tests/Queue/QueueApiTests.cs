using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Queue;

/// <summary>Issue #17 over HTTP against the real Api: the weekly schedule, queueing drafts, the upcoming slots.</summary>
[Collection(AppCollection.Name)]
public class QueueApiTests(AppFixture app)
{
    internal static async Task<JsonNode> PutSlotsAsync(TestUser user, params (string Platform, string Weekday, string Time)[] slots)
    {
        var response = await user.Http.PutAsJsonAsync("/api/queue/slots",
            new { slots = slots.Select(s => new { platform = s.Platform, weekday = s.Weekday, time = s.Time }) }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["data"]!;
    }

    internal static Task<HttpResponseMessage> QueueAsync(TestUser user, string postId) =>
        user.Http.PostAsync($"/api/content/posts/{postId}/queue", null, Ct);

    internal static async Task<JsonNode> QueuedAsync(TestUser user, string postId)
    {
        var response = await QueueAsync(user, postId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadJsonAsync();
    }

    private static async Task SetTimeZoneAsync(TestUser user, string zone) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, cancellationToken: Ct)).StatusCode);

    private static async Task<JsonNode> GetAsync(TestUser user, string path)
    {
        var response = await user.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static DateTimeOffset At(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_user_is_offered_suggested_slots_without_any_being_stored_and_one_call_adopts_them()
    {
        var user = await app.RegisterAsync();
        var first = await GetAsync(user, "/api/queue/slots");
        Assert.Empty(first["data"]!.AsArray());
        var suggested = first["meta"]!["suggested"]!.AsArray();
        Assert.Contains(suggested, s => s!["platform"]!.GetValue<string>() == "linkedin" && s["weekday"]!.GetValue<string>() == "tuesday"
            && s["time"]!.GetValue<string>() == "08:30");
        Assert.Contains(suggested, s => s!["platform"]!.GetValue<string>() == "instagram");
        Assert.Empty((await GetAsync(user, "/api/queue/slots"))["data"]!.AsArray());

        var adopted = await user.Http.PostAsync("/api/queue/slots/suggested", null, Ct);
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var slots = await GetAsync(user, "/api/queue/slots");
        Assert.Equal(suggested.Count, slots["data"]!.AsArray().Count);
        Assert.Null(slots["meta"]!["suggested"]);

        var again = await user.Http.PostAsync("/api/queue/slots/suggested", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("conflict", (await again.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Slots_are_added_listed_monday_first_replaced_and_removed()
    {
        var user = await app.RegisterAsync();
        var added = await user.Http.PostAsJsonAsync("/api/queue/slots", new { platform = "linkedin", weekday = "friday", time = "08:30" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var slot = (await added.ReadJsonAsync())["data"]!;
        Assert.Equal("friday", slot["weekday"]!.GetValue<string>());
        Assert.Equal("08:30", slot["time"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created,
            (await user.Http.PostAsJsonAsync("/api/queue/slots", new { platform = "linkedin", weekday = "monday", time = "17:00" }, Ct)).StatusCode);

        var duplicate = await user.Http.PostAsJsonAsync("/api/queue/slots", new { platform = "linkedin", weekday = "friday", time = "08:30" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var listed = (await GetAsync(user, "/api/queue/slots"))["data"]!.AsArray();
        Assert.Equal(["monday", "friday"], listed.Select(s => s!["weekday"]!.GetValue<string>()));

        var replaced = await PutSlotsAsync(user, ("instagram", "tuesday", "12:00"), ("linkedin", "wednesday", "09:15"));
        Assert.Equal(2, replaced.AsArray().Count);
        Assert.DoesNotContain(replaced.AsArray(), s => s!["weekday"]!.GetValue<string>() == "friday");

        var id = replaced[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/queue/slots/{id}", Ct)).StatusCode);
        Assert.Single((await GetAsync(user, "/api/queue/slots"))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.DeleteAsync($"/api/queue/slots/{id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"platform":"facebook","weekday":"monday","time":"08:30"}""", "platform")]
    [InlineData("""{"platform":"linkedin","weekday":"mon","time":"08:30"}""", "weekday")]
    [InlineData("""{"platform":"linkedin","weekday":"monday","time":"25:00"}""", "time")]
    [InlineData("""{"platform":"linkedin","weekday":"monday","time":"8h30"}""", "time")]
    [InlineData("""{"weekday":"monday","time":"08:30"}""", "platform")]
    public async Task A_bad_platform_weekday_or_time_is_rejected_with_400_naming_the_field(string body, string field)
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.PostAsync("/api/queue/slots", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        Assert.Contains(error["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task Queueing_without_a_slot_for_the_platform_says_why_with_422()
    {
        var user = await app.RegisterAsync();
        var post = await CalendarApiTests.CreatePostAsync(user, "Nowhere to go");
        var response = await QueueAsync(user, post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no LinkedIn slot", (await response.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("draft", (await GetAsync(user, $"/api/content/posts/{post}"))["data"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Three_drafts_fill_the_next_three_free_slots_and_the_queue_lists_them_with_the_empty_ones()
    {
        var user = await app.RegisterAsync();
        await SetTimeZoneAsync(user, "Europe/Zurich");
        await PutSlotsAsync(user, ("linkedin", "monday", "08:30"), ("linkedin", "wednesday", "08:30"), ("linkedin", "friday", "08:30"));
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

        var posts = new List<string>();
        var times = new List<DateTimeOffset>();
        foreach (var text in new[] { "First in line", "Second in line", "Third in line" })
        {
            var post = await CalendarApiTests.CreatePostAsync(user, text);
            var queued = await QueuedAsync(user, post);
            Assert.Equal("scheduled", queued["data"]!["status"]!.GetValue<string>());
            var at = At(queued["meta"]!["scheduled_at"]!);
            Assert.Equal(at, At(queued["data"]!["scheduled_at"]!));
            Assert.Equal("Europe/Zurich", queued["meta"]!["time_zone"]!.GetValue<string>());
            Assert.EndsWith("T08:30", queued["meta"]!["local_time"]!.GetValue<string>(), StringComparison.Ordinal);
            posts.Add(post);
            times.Add(at);
        }
        Assert.Equal(times.Order(), times);
        Assert.Equal(3, times.Distinct().Count());
        Assert.All(times, t => Assert.True(t > DateTimeOffset.UtcNow && t < DateTimeOffset.UtcNow.AddDays(8)));
        Assert.All(times, t => Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zurich).DateTime)));

        // Two weeks: six slots, the three posts in the first three, three empty after them.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zurich).DateTime);
        var queue = await GetAsync(user, $"/api/queue?from={today:yyyy-MM-dd}&to={today.AddDays(13):yyyy-MM-dd}");
        var entries = queue["data"]!.AsArray().Where(e => At(e!["at"]!) > DateTimeOffset.UtcNow).ToList();
        Assert.True(entries.Count >= 5, queue.ToJsonString());
        Assert.Equal(posts, entries.Take(3).Select(e => e!["post"]!["id"]!.GetValue<string>()));
        Assert.Equal(times, entries.Take(3).Select(e => At(e!["at"]!)));
        Assert.All(entries.Skip(3), e => Assert.Null(e!["post"]));
        Assert.All(entries, e => Assert.Equal("08:30", e!["local_time"]!.GetValue<string>()));
        Assert.Equal("First in line", entries[0]!["post"]!["content_preview"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_for_both_networks_goes_to_a_time_both_schedules_share_or_is_told_there_is_none()
    {
        var user = await app.RegisterAsync();
        await PutSlotsAsync(user, ("linkedin", "monday", "08:30"), ("instagram", "tuesday", "12:00"));
        var image = await user.UploadImageAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "both", content = "Everywhere at once", media_ids = new[] { image } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();

        var none = await QueueAsync(user, post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("never fall at the same time", (await none.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await PutSlotsAsync(user, ("linkedin", "monday", "08:30"), ("instagram", "tuesday", "12:00"), ("linkedin", "thursday", "18:00"),
            ("instagram", "thursday", "18:00"));
        var queued = await QueuedAsync(user, post);
        var at = At(queued["meta"]!["scheduled_at"]!);
        Assert.Equal(DayOfWeek.Thursday, at.UtcDateTime.DayOfWeek);
        Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(at.UtcDateTime));

        // That Thursday is now taken on both networks: a LinkedIn-only post goes to Monday or the Thursday after.
        var linkedinOnly = await CalendarApiTests.CreatePostAsync(user, "LinkedIn only");
        var next = At((await QueuedAsync(user, linkedinOnly))["meta"]!["scheduled_at"]!);
        Assert.NotEqual(at, next);
        Assert.True(next.UtcDateTime.DayOfWeek == DayOfWeek.Monday || next == at.AddDays(7), next.ToString("O"));

        var entries = (await GetAsync(user, $"/api/queue?from={at.UtcDateTime:yyyy-MM-dd}&to={at.UtcDateTime:yyyy-MM-dd}"))["data"]!.AsArray();
        Assert.Equal(["instagram", "linkedin"], entries.Where(e => At(e!["at"]!) == at).Select(e => e!["platform"]!.GetValue<string>()).Order());
        Assert.All(entries.Where(e => At(e!["at"]!) == at), e => Assert.Equal(post, e!["post"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Queueing_twice_or_a_scheduled_post_is_refused_and_a_queued_post_keeps_its_time_when_slots_change()
    {
        var user = await app.RegisterAsync();
        await PutSlotsAsync(user, ("linkedin", "tuesday", "08:30"));
        var post = await CalendarApiTests.CreatePostAsync(user, "Stays put");
        var at = At((await QueuedAsync(user, post))["meta"]!["scheduled_at"]!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await QueueAsync(user, post)).StatusCode);
        await PutSlotsAsync(user, ("linkedin", "friday", "17:00"));
        Assert.Equal(at, At((await GetAsync(user, $"/api/content/posts/{post}"))["data"]!["scheduled_at"]!));
    }

    [Fact]
    public async Task One_users_slots_and_queue_are_invisible_to_another()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var slots = await PutSlotsAsync(owner, ("linkedin", "monday", "08:30"));
        var post = await CalendarApiTests.CreatePostAsync(owner, "Mine");
        await QueuedAsync(owner, post);

        Assert.Empty((await GetAsync(other, "/api/queue/slots"))["data"]!.AsArray());
        Assert.Empty((await GetAsync(other, "/api/queue"))["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"/api/queue/slots/{slots[0]!["id"]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await QueueAsync(other, post)).StatusCode);
        Assert.Single((await GetAsync(owner, "/api/queue/slots"))["data"]!.AsArray());
    }

    [Theory]
    [InlineData("from=2030-13-01")]
    [InlineData("from=2030-01-10&to=2030-01-01")]
    [InlineData("from=2030-01-01&to=2030-06-01")]
    public async Task A_malformed_or_too_long_range_is_rejected_with_400(string query)
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.GetAsync($"/api/queue?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_needs_a_choice_and_a_pause()
    {
        var user = await app.RegisterAsync();
        var notPaused = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "publish_now" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notPaused.StatusCode);

        var paused = await user.Http.PostAsync("/api/queue/pause", null, Ct);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.True((await paused.ReadJsonAsync())["data"]!["paused"]!.GetValue<bool>());
        var noChoice = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "later" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Equal("overdue", (await noChoice.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
        Assert.True((await GetAsync(user, "/api/queue/pause"))["data"]!["paused"]!.GetValue<bool>());
    }
}
