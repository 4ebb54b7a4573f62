using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Calendar;

[Collection(AppCollection.Name)]
public class CalendarApiTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    internal static async Task<string> CreatePostAsync(TestUser user, string content = "Calendar post", string platform = "linkedin")
    {
        var response = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform, content }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
    }

    internal static Task<HttpResponseMessage> ScheduleAsync(TestUser user, string postId, DateTimeOffset at) =>
        user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule", new { scheduled_at = at }, cancellationToken: Ct);

    internal static async Task<JsonNode> MonthAsync(TestUser user, string query)
    {
        var response = await user.Http.GetAsync($"/api/calendar/posts?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string? StatusOn(JsonNode month, string day, string postId) =>
        month["data"]![day]?.AsArray().FirstOrDefault(p => p!["id"]!.GetValue<string>() == postId)?["status"]!.GetValue<string>();

    private static async Task SetTimeZoneAsync(TestUser user, string zone) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, cancellationToken: Ct)).StatusCode);

    [Theory]
    [InlineData("")]
    [InlineData("month=2030-13")]
    [InlineData("month=2030-1")]
    [InlineData("month=2030-01-05")]
    [InlineData("month=2030-01&tz=Mars/Olympus")]
    public async Task A_missing_or_malformed_month_or_an_unknown_time_zone_is_rejected_with_400(string query)
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.GetAsync($"/api/calendar/posts?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Posts_are_grouped_by_day_in_the_users_time_zone_and_tz_overrides_it()
    {
        var user = await app.RegisterAsync();
        await SetTimeZoneAsync(user, "Europe/Zurich");
        var lateEvening = await CreatePostAsync(user, "Late evening in London, already tomorrow in Zurich and this sentence is long enough to be cut somewhere before its end for the preview");
        var midMonth = await CreatePostAsync(user, "Mid month");
        var draft = await CreatePostAsync(user, "A draft has no date");
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, lateEvening, new DateTimeOffset(2030, 1, 31, 23, 30, 0, TimeSpan.Zero))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, midMonth, new DateTimeOffset(2030, 1, 15, 9, 0, 0, TimeSpan.Zero))).StatusCode);

        var january = await MonthAsync(user, "month=2030-01");
        Assert.Equal(["2030-01-15"], january["data"]!.AsObject().Select(d => d.Key));
        Assert.Equal("Europe/Zurich", january["meta"]!["time_zone"]!.GetValue<string>());
        Assert.Equal(1, january["meta"]!["total_posts"]!.GetValue<int>());

        var february = await MonthAsync(user, "month=2030-02");
        var cell = february["data"]!["2030-02-01"]!.AsArray().Single()!;
        Assert.Equal(lateEvening, cell["id"]!.GetValue<string>());
        Assert.Equal("linkedin", cell["platform"]!.GetValue<string>());
        Assert.Equal("scheduled", cell["status"]!.GetValue<string>());
        Assert.Equal("2030-01-31T23:30:00Z", cell["scheduled_at"]!.GetValue<string>());
        Assert.Equal(0, cell["media_count"]!.GetValue<int>());
        var preview = cell["content_preview"]!.GetValue<string>();
        Assert.True(preview.Length <= 101 && preview.EndsWith('…'), preview);
        Assert.StartsWith(preview[..^1], "Late evening in London, already tomorrow in Zurich and this sentence is long enough to be cut somewhere ", StringComparison.Ordinal);
        Assert.Equal(1, february["meta"]!["by_status"]!["scheduled"]!.GetValue<int>());
        Assert.Equal(0, february["meta"]!["by_status"]!["draft"]!.GetValue<int>());

        var januaryInUtc = await MonthAsync(user, "month=2030-01&tz=UTC");
        Assert.Equal(["2030-01-15", "2030-01-31"], januaryInUtc["data"]!.AsObject().Select(d => d.Key));
        Assert.Equal("UTC", januaryInUtc["meta"]!["time_zone"]!.GetValue<string>());
        Assert.DoesNotContain(draft, januaryInUtc.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_calendar_is_never_stale_after_a_create_edit_schedule_reschedule_unschedule_rate_or_delete()
    {
        var user = await app.RegisterAsync();
        var at = new DateTimeOffset(2030, 3, 10, 12, 0, 0, TimeSpan.Zero);
        const string month = "month=2030-03";
        var first = await CreatePostAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, first, at)).StatusCode);
        Assert.Equal("scheduled", StatusOn(await MonthAsync(user, month), "2030-03-10", first));
        Assert.Equal("scheduled", StatusOn(await MonthAsync(user, month), "2030-03-10", first));

        var second = await CreatePostAsync(user, "Second");
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, second, at.AddDays(1))).StatusCode);
        Assert.Equal("scheduled", StatusOn(await MonthAsync(user, month), "2030-03-11", second));

        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, second, at.AddDays(2))).StatusCode);
        var rescheduled = await MonthAsync(user, month);
        Assert.Null(rescheduled["data"]!["2030-03-11"]);
        Assert.Equal("scheduled", StatusOn(rescheduled, "2030-03-12", second));

        var edit = await user.Http.PatchAsJsonAsync($"/api/content/posts/{second}", new { content = "Edited text" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Edited text", (await MonthAsync(user, month))["data"]!["2030-03-12"]![0]!["content_preview"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsJsonAsync($"/api/content/posts/{second}/rate", new { rating = 4 }, cancellationToken: Ct)).StatusCode);
        Assert.Equal(2, (await MonthAsync(user, month))["meta"]!["total_posts"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await user.Http.DeleteAsync($"/api/calendar/posts/{second}/schedule", Ct)).StatusCode);
        Assert.Null((await MonthAsync(user, month))["data"]!["2030-03-12"]);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/content/posts/{first}", Ct)).StatusCode);
        var empty = await MonthAsync(user, month);
        Assert.Empty(empty["data"]!.AsObject());
        Assert.Equal(0, empty["meta"]!["total_posts"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_cached_calendar_shows_the_outcome_once_the_Worker_has_handled_a_post()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user, "No account connected: the Worker fails it");
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, post, at)).StatusCode);
        var query = $"month={at:yyyy-MM}&tz=UTC";
        var day = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("scheduled", StatusOn(await MonthAsync(user, query), day, post));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (StatusOn(await MonthAsync(user, query), day, post) != "failed")
        {
            // Once a second: the user's own rate limit (100/min) applies to this polling too.
            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        }
        Assert.Equal("failed", StatusOn(await MonthAsync(user, query), day, post));
    }

    [Fact]
    public async Task The_cached_calendar_shows_a_post_state_the_sweeper_repaired()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user, "Finished behind the calendar's back");
        var at = new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(user, post, at)).StatusCode);
        const string query = "month=2031-03&tz=UTC";
        Assert.Equal("scheduled", StatusOn(await MonthAsync(user, query), "2031-03-03", post));

        // A Worker that died between recording the outcome and deriving the post's state.
        await app.OwnerScalarAsync<int>(
            "WITH done AS (UPDATE post_publications SET status = 'published', published_at = scheduled_at WHERE post_id = $1 RETURNING 1) SELECT count(*)::int FROM done",
            Guid.Parse(post));
        using var cron = app.CreateHttpClient("api");
        cron.DefaultRequestHeaders.Add("X-Cron-Secret", "development-only-cron-secret");
        Assert.Equal(HttpStatusCode.OK, (await cron.PostAsync("/api/social/cron/publish-scheduled", null, Ct)).StatusCode);

        Assert.Equal("published", StatusOn(await MonthAsync(user, query), "2031-03-03", post));
    }

    [Fact]
    public async Task Scheduling_a_post_in_the_past_is_rejected_with_422()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var response = await ScheduleAsync(user, post, DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("future", (await response.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_returns_the_post_and_rescheduling_and_unscheduling_move_it()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var first = await ScheduleAsync(user, post, new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var scheduled = (await first.ReadJsonAsync())["data"]!;
        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());
        Assert.Equal("2030-05-01T08:00:00Z", scheduled["scheduled_at"]!.GetValue<string>());
        Assert.Equal(post, scheduled["id"]!.GetValue<string>());

        var again = await ScheduleAsync(user, post, new DateTimeOffset(2030, 5, 2, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal("2030-05-02T08:00:00Z", (await again.ReadJsonAsync())["data"]!["scheduled_at"]!.GetValue<string>());

        var unscheduled = await user.Http.DeleteAsync($"/api/calendar/posts/{post}/schedule", Ct);
        var draft = (await unscheduled.ReadJsonAsync())["data"]!;
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Null(draft["scheduled_at"]);
    }

    [Fact]
    public async Task Scheduling_with_an_outdated_updated_at_is_rejected_with_409()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var response = await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{post}/schedule",
            new { scheduled_at = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero), updated_at = "2020-01-01T00:00:00Z" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_second_post_on_the_same_platform_within_30_minutes_is_scheduled_with_a_warning()
    {
        var user = await app.RegisterAsync();
        var at = new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await ScheduleAsync(user, await CreatePostAsync(user), at);

        var nearby = await ScheduleAsync(user, await CreatePostAsync(user, "Same platform"), at.AddMinutes(20));
        Assert.Equal(HttpStatusCode.OK, nearby.StatusCode);
        var warning = Assert.Single((await nearby.ReadJsonAsync())["meta"]!["warnings"]!.AsArray())!.GetValue<string>();
        Assert.Equal("Another LinkedIn post is planned for Sat 1 Jun 2030 at 10:00 (UTC), within 30 minutes of this one", warning);

        var later = await ScheduleAsync(user, await CreatePostAsync(user, "Far enough"), at.AddMinutes(51));
        Assert.Empty((await later.ReadJsonAsync())["meta"]!["warnings"]!.AsArray());
    }

    /// <summary>The warning reads like the rest of the app: the caller's language, the other post's time in the user's zone.</summary>
    [Fact]
    public async Task The_busy_slot_warning_is_in_the_callers_language_with_the_time_in_the_users_zone()
    {
        var user = await app.RegisterAsync(acceptLanguage: "fr-CH");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = "Europe/Zurich" }, cancellationToken: Ct)).StatusCode);
        var at = new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await ScheduleAsync(user, await CreatePostAsync(user), at);

        var nearby = await ScheduleAsync(user, await CreatePostAsync(user, "Même réseau"), at.AddMinutes(-15));
        Assert.Equal(HttpStatusCode.OK, nearby.StatusCode);
        var warning = Assert.Single((await nearby.ReadJsonAsync())["meta"]!["warnings"]!.AsArray())!.GetValue<string>();
        Assert.Equal("Une autre publication LinkedIn est prévue le sam. 1 juin 2030 à 12:00 (Europe/Zurich), à moins de 30 minutes de celle-ci", warning);
    }

    [Fact]
    public async Task An_Instagram_draft_without_an_image_keeps_its_text_editable_but_cannot_be_scheduled_and_the_422_names_the_rule()
    {
        var user = await app.RegisterAsync();
        var template = await user.Http.PostAsJsonAsync("/api/templates",
            new { name = "Caption only", category = "conseil", platform = "instagram", content = "A caption waiting for its picture" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, template.StatusCode);
        var templateId = (await template.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        var draft = await user.Http.PostAsJsonAsync($"/api/templates/{templateId}/use", new { }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var postId = (await draft.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();

        // Its text stays editable until the picture comes, whether the save names the (still empty) media or not...
        var reworded = await user.Http.PatchAsJsonAsync($"/api/content/posts/{postId}", new { content = "A caption, reworded" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        var resent = await user.Http.PatchAsJsonAsync($"/api/content/posts/{postId}",
            new { content = "A caption, reworded again", media_ids = Array.Empty<string>() }, Ct);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("A caption, reworded again", (await resent.ReadJsonAsync())["data"]!["content"]!.GetValue<string>());
        // ...but a save that makes the problem is refused: a LinkedIn draft moved to Instagram without an image.
        var linkedIn = await CreatePostAsync(user, "Text only, for now");
        var moved = await user.Http.PatchAsJsonAsync($"/api/content/posts/{linkedIn}", new { platform = "instagram" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);

        var response = await ScheduleAsync(user, postId, new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Instagram posts need at least one image", (await response.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_post_cannot_be_scheduled_404()
    {
        var owner = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var post = await CreatePostAsync(owner);
        Assert.Equal(HttpStatusCode.NotFound, (await ScheduleAsync(stranger, post, new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero))).StatusCode);
    }
}
