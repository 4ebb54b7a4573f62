using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #16 §6, the calendar: drafts dragged from a side panel onto a day, network icons, the week view at
/// working hours, an undo after each move, and live updates pushed from the Api and the Worker to the open pages
/// (the calendar, Home, the posts list).
/// Users registered through the Api live in UTC, so slots are named in UTC.</summary>
public sealed class CalendarBrowserTests(AppFixture app) : BrowserTest(app)
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task A_draft_dragged_from_the_side_panel_onto_a_day_is_scheduled_at_nine_and_undo_makes_it_a_draft_again()
    {
        var user = await App.RegisterAsync();
        var postId = await CreatePostAsync(user, "linkedin", $"A draft waiting for its day {Guid.NewGuid():N}");
        var page = await OpenAsync(user, "/calendar", "Calendar");
        var nextMonth = await ShowNextMonthAsync(page);

        var draft = page.Locator($"#calendar-drafts [data-draft-id='{postId}']");
        await Expect(draft.Locator("svg[data-network='Linkedin']")).ToBeVisibleAsync();
        var day = new DateOnly(nextMonth.Year, nextMonth.Month, 15);
        await draft.DragToAsync(page.Locator($".rz-slot[data-slot='{day:yyyy-MM-dd}']"));

        var appointment = page.Locator($".rz-event:has([data-post-id='{postId}'])");
        await Expect(appointment).ToContainTextAsync("09:00");
        await Expect(draft).ToHaveCountAsync(0);
        var scheduled = await GetPostAsync(user, postId);
        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), scheduled["scheduled_at"]!.GetValue<DateTimeOffset>());
        await Browser.ScreenshotAsync(page, "calendar-draft-dropped");

        await page.Locator("#calendar-undo").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(appointment).ToHaveCountAsync(0);
        await Expect(draft).ToBeVisibleAsync();
        var undone = await GetPostAsync(user, postId);
        Assert.Equal("draft", undone["status"]!.GetValue<string>());
        Assert.Null(undone["scheduled_at"]);
    }

    [Fact]
    public async Task A_scheduled_post_dragged_to_another_day_shows_its_network_icon_and_undo_puts_it_back()
    {
        var user = await App.RegisterAsync();
        var postId = await CreatePostAsync(user, "linkedin", $"Moved and moved back {Guid.NewGuid():N}");
        var page = await OpenAsync(user, "/calendar", "Calendar");
        var nextMonth = await ShowNextMonthAsync(page);
        var planned = new DateTimeOffset(nextMonth.Year, nextMonth.Month, 10, 10, 30, 0, TimeSpan.Zero);
        await ScheduleAsync(user, postId, planned);
        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Calendar");
        await ShowNextMonthAsync(page);

        var appointment = page.Locator($".rz-event:has([data-post-id='{postId}'])");
        await Expect(appointment.Locator("svg[data-network='Linkedin']")).ToBeVisibleAsync();
        await Expect(page.GetByText("in = LinkedIn")).ToHaveCountAsync(0);
        await appointment.DragToAsync(page.Locator($".rz-slot[data-slot='{planned.AddDays(2):yyyy-MM-dd}']"));
        await Expect(page.Locator("#calendar-undo")).ToContainTextAsync("Moved");
        Assert.Equal(planned.AddDays(2), (await GetPostAsync(user, postId))["scheduled_at"]!.GetValue<DateTimeOffset>());

        await page.Locator("#calendar-undo").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(page.GetByText("Undone")).ToBeVisibleAsync();
        Assert.Equal(planned, (await GetPostAsync(user, postId))["scheduled_at"]!.GetValue<DateTimeOffset>());
        await Expect(appointment).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_week_view_opens_at_the_start_of_a_working_day()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/calendar", "Calendar");

        await page.Locator(".rz-scheduler-nav-views").GetByText("Week", new() { Exact = true }).ClickAsync();

        await Expect(page.Locator(".rz-slot[data-slot$='T08:00']").First).ToBeInViewportAsync();
        await Expect(page.Locator(".rz-slot[data-slot$='T00:00']").First).Not.ToBeInViewportAsync();
        await Browser.ScreenshotAsync(page, "calendar-week");
    }

    [Fact]
    public async Task An_open_calendar_follows_a_move_made_elsewhere_and_turns_green_when_the_Worker_publishes_without_a_reload()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await WebUser.ConnectAsync(page, "Linkedin");
        var postId = await CreatePostAsync(user, "linkedin", $"Going out while the calendar is open {Guid.NewGuid():N}");
        await ScheduleAsync(user, postId, DateTimeOffset.UtcNow.AddMinutes(30));
        await page.GotoAsync("calendar");
        await WebUser.WaitForPageAsync(page, "Calendar");
        var post = page.Locator($"[data-post-id='{postId}']");
        await Expect(post).ToHaveAttributeAsync("data-status", "Scheduled");
        // Survives only as long as the page is not reloaded.
        await page.EvaluateAsync("() => window.notReloaded = true");

        // Another device moves it to a few seconds from now; the Worker then publishes it.
        var soon = DateTimeOffset.UtcNow.AddSeconds(5);
        await ScheduleAsync(user, postId, soon);

        await Expect(post).ToContainTextAsync(soon.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(post).ToHaveAttributeAsync("data-status", "Published", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Browser.ScreenshotAsync(page, "calendar-live-published");
    }

    [Fact]
    public async Task Home_and_the_posts_list_show_a_post_the_Worker_publishes_without_a_reload()
    {
        var user = await App.RegisterAsync();
        var home = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(home, user.Email, user.Password);
        await WebUser.WaitForPageAsync(home, "Home");
        await WebUser.ConnectAsync(home, "Linkedin");
        var content = $"Going out while Home and the list are open {Guid.NewGuid():N}";
        var postId = await CreatePostAsync(user, "linkedin", content);
        await ScheduleAsync(user, postId, DateTimeOffset.UtcNow.AddMinutes(30));
        await home.GotoAsync("");
        await WebUser.WaitForPageAsync(home, "Home");
        await Expect(home.Locator($"[data-post-id='{postId}']").First).ToBeVisibleAsync();
        var list = await OpenAsync(user, "/posts", "Posts");
        var row = list.Locator("tr").Filter(new() { HasText = content[..40] });
        await Expect(row).ToContainTextAsync("Scheduled");
        await home.EvaluateAsync("() => window.notReloaded = true");
        await list.EvaluateAsync("() => window.notReloaded = true");

        await ScheduleAsync(user, postId, DateTimeOffset.UtcNow.AddSeconds(5));

        await Expect(row).ToContainTextAsync("Published", new() { Timeout = 90_000 });
        await Expect(home.Locator($"#published-posts [data-post-id='{postId}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await home.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.True(await list.EvaluateAsync<bool>("() => window.notReloaded === true"));
    }


    /// <summary>Next month is wholly ahead, so any of its days can take a post whatever the date of the run.</summary>
    private static async Task<DateOnly> ShowNextMonthAsync(IPage page)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        await page.Locator(".rz-scheduler-nav-prev-next").GetByRole(AriaRole.Button).Filter(new() { HasText = "chevron_right" }).ClickAsync();
        await Expect(page.Locator($".rz-slot[data-slot='{next.AddDays(14):yyyy-MM-dd}']")).ToBeVisibleAsync();
        return next;
    }

    private static Task<string> CreatePostAsync(TestUser user, string platform, string content) =>
        Calendar.CalendarApiTests.CreatePostAsync(user, content, platform);

    private static async Task ScheduleAsync(TestUser user, string postId, DateTimeOffset at)
    {
        using var response = await Calendar.CalendarApiTests.ScheduleAsync(user, postId, at);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonNode> GetPostAsync(TestUser user, string postId)
    {
        using var response = await user.Http.GetAsync($"/api/content/posts/{postId}", Ct);
        return (await response.ReadJsonAsync())["data"]!;
    }
}
