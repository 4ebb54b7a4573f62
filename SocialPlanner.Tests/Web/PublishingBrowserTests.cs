using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>From an idea to a post on LinkedIn (the sandbox's), and what the user sees when it fails.</summary>
public sealed class PublishingBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_post_dragged_on_the_calendar_to_a_few_seconds_ahead_is_published_by_the_Worker_and_shown_published()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await WebUser.ConnectAsync(page, "Linkedin");
        await Browser.ScreenshotAsync(page, "connections");
        await WebUser.UploadImageAsync(page, "team.jpg", "The team around a whiteboard", MediaSamples.Jpeg(1200, 628));

        // An idea becomes a LinkedIn post with the image.
        await page.GotoAsync("ideas");
        await WebUser.WaitForPageAsync(page, "Ideas");
        await page.GetByLabel("Your business, in a sentence").FillAsync("Bookkeeping for craftsmen in Lausanne");
        await page.GetByLabel("Themes (comma separated)").FillAsync("cash flow, invoices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate ideas" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this idea" }).First.ClickAsync();
        await page.Locator(".rz-selectbar").GetByText("LinkedIn", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the post" }).ClickAsync();
        await Expect(page.GetByLabel("Text", new() { Exact = true })).Not.ToHaveValueAsync("");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add media" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "team.jpg" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");
        var postId = page.Url.Split('/')[^1];
        var content = await page.GetByLabel("Text", new() { Exact = true }).InputValueAsync();

        // Planned for the day after, a few seconds past now; then dragged onto the day it is due. Both days come from one
        // instant: read separately, a run at midnight dragged the post onto its own day (no move, no "Rescheduled").
        var due = DateTimeOffset.UtcNow.AddSeconds(40);
        var tomorrow = due.AddDays(1);
        var planned = await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule", new { scheduled_at = tomorrow }, ApiClient.Ct);
        Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync(ApiClient.Ct));
        await page.GotoAsync("calendar");
        await WebUser.WaitForPageAsync(page, "Calendar");
        var appointment = page.Locator($".rz-event:has([data-post-id='{postId}'])");
        await Expect(appointment).ToBeVisibleAsync();
        var today = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await appointment.DragToAsync(page.Locator($".rz-slot[data-slot='{today}']"));
        await Expect(page.GetByText("Rescheduled")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "calendar");

        // The Worker publishes it to the sandbox's LinkedIn at its time.
        var sandbox = App.CreateHttpClient("sandbox");
        var published = await WebUser.EventuallyAsync(async ct =>
        {
            var items = await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=linkedin", ct);
            return items!.FirstOrDefault(i => i!["text"]!.GetValue<string>().StartsWith(content[..40], StringComparison.Ordinal));
        }, TimeSpan.FromMinutes(2), "the post on the sandbox's LinkedIn");
        Assert.NotNull(published!["image_id"]);

        await page.ReloadAsync();
        await Expect(page.Locator($"[data-post-id='{postId}']")).ToHaveAttributeAsync("data-status", "Published", new() { Timeout = 60_000 });
        await Browser.ScreenshotAsync(page, "calendar-published");
        await page.GotoAsync("");
        await WebUser.WaitForPageAsync(page, "Home");
        await Expect(page.Locator("#published-posts")).ToContainTextAsync(content[..30]);
        await Browser.ScreenshotAsync(page, "home-published");

        // A published post opens read-only, with a link to it on LinkedIn (issue #16 §4).
        var post = (await (await user.Http.GetAsync($"/api/content/posts/{postId}", ApiClient.Ct)).ReadJsonAsync())["data"]!;
        var publication = Assert.Single(post["publications"]!.AsArray())!;
        Assert.Equal("linkedin", publication["platform"]!.GetValue<string>());
        Assert.Equal("published", publication["status"]!.GetValue<string>());
        var live = publication["external_url"]!.GetValue<string>();
        Assert.StartsWith("https://www.linkedin.com/feed/update/urn:li:", live, StringComparison.Ordinal);
        await page.Locator("#published-posts").GetByRole(AriaRole.Link).First.ClickAsync();
        await WebUser.WaitForPageAsync(page, "Published post");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "View on LinkedIn" })).ToHaveAttributeAsync("href", live);
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveAttributeAsync("readonly", "");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(content);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule" })).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "published-post");
    }

    [Fact]
    public async Task A_post_the_platform_refuses_shows_on_Home_with_the_reason_and_can_be_retried()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await WebUser.ConnectAsync(page, "Linkedin");
        var created = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "Our spring workshop dates are out. Book your seat today." }, ApiClient.Ct);
        var postId = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();

        var sandbox = App.CreateHttpClient("sandbox");
        var fault = await sandbox.PostAsJsonAsync("/sandbox/faults",
            new { endpoint = "linkedin.posts", times = 1, status = 403, body = "{\"message\":\"Member is restricted from posting\",\"status\":403}" }, ApiClient.Ct);
        Assert.True(fault.IsSuccessStatusCode);
        await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule", new { scheduled_at = DateTimeOffset.UtcNow.AddSeconds(3) }, ApiClient.Ct);
        await WebUser.EventuallyAsync(async ct =>
        {
            var post = await user.Http.GetFromJsonAsync<JsonObject>($"/api/content/posts/{postId}", ct);
            return post!["data"]!["status"]!.GetValue<string>() == "failed" ? post : null;
        }, TimeSpan.FromMinutes(2), "the refused post marked failed");

        await page.GotoAsync("");
        await WebUser.WaitForPageAsync(page, "Home");
        var failed = page.Locator($"#failed-posts [data-post-id='{postId}']");
        await Expect(failed).ToContainTextAsync("Our spring workshop dates are out");
        await Expect(failed.Locator(".sp-failure-reason")).ToContainTextAsync("Member is restricted from posting");
        await Browser.ScreenshotAsync(page, "home-failed");

        await failed.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await Expect(page.GetByText("Scheduled again")).ToBeVisibleAsync();
    }
}
