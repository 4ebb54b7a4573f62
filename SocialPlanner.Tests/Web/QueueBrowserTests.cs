using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Localisation;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Social;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #17 as a new user meets it: a posting schedule, drafts added to the queue, the week's slots with
/// their posts, and a pause with a post falling due during it.</summary>
public sealed class QueueBrowserTests(AppFixture app) : BrowserTest(app)
{
    private static async Task<DateTimeOffset> ScheduledAtAsync(TestUser user, string postId)
    {
        var post = await user.Http.GetFromJsonAsync<JsonObject>($"/api/content/posts/{postId}", ApiClient.Ct);
        Assert.Equal("scheduled", post!["data"]!["status"]!.GetValue<string>());
        return DateTimeOffset.Parse(post["data"]!["scheduled_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_schedule_is_set_three_drafts_are_queued_from_the_list_and_the_editor_and_the_week_shows_them_in_their_slots()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/queue", "Queue");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the suggested schedule" }).ClickAsync();
        await Expect(page.GetByText("Posting schedule saved")).ToBeVisibleAsync();
        var linkedin = page.Locator("#posting-schedule [data-platform=linkedin]");
        await Expect(linkedin).ToContainTextAsync("Tuesday 08:30");
        await Expect(page.Locator("#posting-schedule [data-platform=instagram]")).ToContainTextAsync("Friday 12:00");
        await page.GetByLabel("Time (HH:mm)").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add time" }).ClickAsync();
        await Expect(linkedin).ToContainTextAsync("Monday 17:00");
        await Browser.ScreenshotAsync(page, "queue-schedule");

        var texts = new[] { "Queued first", "Queued second", "Queued third" }.Select(t => $"{t} {Guid.NewGuid():N}"[..24]).ToArray();
        var ids = new List<string>();
        foreach (var text in texts)
        {
            ids.Add(await CalendarApiTests.CreatePostAsync(user, text));
        }

        await page.GotoAsync("posts");
        await WebUser.WaitForPageAsync(page, "Posts");
        foreach (var text in texts[..2])
        {
            await page.Locator(".rz-data-row").Filter(new() { HasText = text }).GetByRole(AriaRole.Button, new() { Name = "Add to queue" }).ClickAsync();
            await Expect(page.Locator(".rz-data-row").Filter(new() { HasText = text })).ToContainTextAsync("scheduled", new() { IgnoreCase = true });
        }
        await Expect(page.GetByText("Added to the queue").First).ToBeVisibleAsync();

        await page.GotoAsync($"posts/{ids[2]}");
        await WebUser.WaitForPageAsync(page, "Edit post");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to queue" }).ClickAsync();
        await Expect(page.GetByText("Added to the queue")).ToBeVisibleAsync();

        var times = new List<DateTimeOffset>();
        foreach (var id in ids)
        {
            times.Add(await ScheduledAtAsync(user, id));
        }
        Assert.Equal(3, times.Distinct().Count());
        Assert.Equal(times.Order(), times);

        // Each post in its slot, in the week it falls in; the schedule's other slots are there, empty.
        await page.GotoAsync("queue");
        await WebUser.WaitForPageAsync(page, "Queue");
        var thisMonday = MondayOf(DateTime.UtcNow);
        var shown = thisMonday;
        for (var i = 0; i < ids.Count; i++)
        {
            while (shown < MondayOf(times[i].UtcDateTime))
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
                shown = shown.AddDays(7);
                await Expect(page.Locator("#queue-week")).ToContainTextAsync(shown.ToString("ddd d MMM yyyy", Languages.Culture(Languages.English)));
            }
            var slot = page.Locator($".sp-queue-slot:has(a[href='posts/{ids[i]}'])");
            await Expect(slot).ToContainTextAsync(texts[i]);
            await Expect(slot).ToContainTextAsync(times[i].UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(slot).ToHaveAttributeAsync("data-at", times[i].ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
        await Expect(page.Locator(".sp-queue-slot.sp-queue-empty").First).ToContainTextAsync("empty", new() { IgnoreCase = true });
        await Browser.ScreenshotAsync(page, "queue-week");
    }

    [Fact]
    public async Task Pausing_shows_a_banner_everywhere_keeps_a_due_post_back_and_resuming_with_publish_now_sends_it()
    {
        var user = await App.RegisterAsync();
        await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        var page = await OpenAsync(user, "/queue", "Queue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause publishing" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        var banner = page.Locator(".sp-pause-banner");
        await Expect(banner).ToContainTextAsync("Publishing is paused");

        // A post falls due while paused; another user's post due at the same moment shows when the Worker has been past it.
        var text = $"Held back {Guid.NewGuid():N}";
        var postId = await CalendarApiTests.CreatePostAsync(user, text);
        var witness = await App.RegisterAsync();
        await SocialAccounts.ConnectAsync(witness, "linkedin", SocialAccounts.Member());
        var witnessText = $"Witness {Guid.NewGuid():N}";
        var witnessPost = await CalendarApiTests.CreatePostAsync(witness, witnessText);
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        Assert.True((await CalendarApiTests.ScheduleAsync(user, postId, due)).IsSuccessStatusCode);
        Assert.True((await CalendarApiTests.ScheduleAsync(witness, witnessPost, due)).IsSuccessStatusCode);
        var sandbox = App.CreateHttpClient("sandbox");
        async Task<JsonNode?> ReceivedAsync(string marker, CancellationToken ct) =>
            (await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=linkedin", ct))!
                .FirstOrDefault(i => i!["text"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal));
        await WebUser.EventuallyAsync(ct => ReceivedAsync(witnessText, ct), TimeSpan.FromMinutes(1), "the witness post published");
        Assert.Null(await ReceivedAsync(text, ApiClient.Ct));

        // The banner follows the user around, counting the post that waits.
        await page.GotoAsync("posts");
        await WebUser.WaitForPageAsync(page, "Posts");
        await Expect(banner).ToContainTextAsync("1 post is waiting");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Resume on the Queue page" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "queue-paused-banner");
        await banner.GetByRole(AriaRole.Link, new() { Name = "Resume on the Queue page" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Queue");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume publishing" }).ClickAsync();
        await Expect(page.GetByText("1 post fell due while publishing was paused.")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "queue-resume-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish them now" }).ClickAsync();
        await Expect(page.GetByText("Publishing resumed")).ToBeVisibleAsync();
        await Expect(banner).ToHaveCountAsync(0);

        await WebUser.EventuallyAsync(ct => ReceivedAsync(text, ct), TimeSpan.FromMinutes(1), "the held-back post published after resuming");
        await WebUser.EventuallyAsync(async ct =>
        {
            var post = await user.Http.GetFromJsonAsync<JsonObject>($"/api/content/posts/{postId}", ct);
            return post!["data"]!["status"]!.GetValue<string>() == "published" ? post : null;
        }, TimeSpan.FromMinutes(1), "the post marked published");
    }

    [Fact]
    public async Task The_calendar_week_shows_free_posting_times_as_cells_that_open_a_new_post_at_that_time()
    {
        var user = await App.RegisterAsync();
        await Queue.QueueApiTests.PutSlotsAsync(user, [.. Enum.GetValues<DayOfWeek>().Select(d => ("linkedin", d.ToString().ToLowerInvariant(), "10:30"))]);
        var page = await OpenAsync(user, "/calendar", "Calendar");
        await page.Locator(".rz-scheduler-nav-views").GetByText("Week", new() { Exact = true }).ClickAsync();
        // Next week is wholly ahead: every one of its days has a free 10:30.
        await page.Locator(".rz-scheduler-nav-prev-next").GetByRole(AriaRole.Button).Filter(new() { HasText = "chevron_right" }).ClickAsync();
        var free = page.Locator(".rz-slot.sp-calendar-free-slot");
        await Expect(free).ToHaveCountAsync(7);
        await Expect(free.First).ToHaveAttributeAsync("data-free-slot", "Free LinkedIn time 10:30");
        await Expect(free.First).ToHaveAttributeAsync("data-slot", new System.Text.RegularExpressions.Regex("T10:30$"));
        await Browser.ScreenshotAsync(page, "calendar-free-times");

        await free.First.ClickAsync();
        await WebUser.WaitForPageAsync(page, "New post");
        Assert.Contains("at=", page.Url, StringComparison.Ordinal);
    }

    private static DateOnly MondayOf(DateTime day) => DateOnly.FromDateTime(day).AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
