using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Home for a new user (issue #16 §5): a first-steps checklist until it is done, and no empty chart.</summary>
public sealed class HomeBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_user_sees_first_steps_that_tick_off_as_they_are_done_and_go_when_all_are()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");

        var steps = page.Locator("#first-steps li");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(page.Locator("#first-steps .sp-steps-done")).ToHaveTextAsync("0 of 4 done");
        await Expect(page.Locator("#posts-per-week")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "home-first-steps");

        // Each step's button leads where it is done.
        await steps.Filter(new() { HasText = "Upload an image" }).GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Media library");
        await WebUser.UploadImageAsync(page, "portrait.jpg", "A portrait", MediaSamples.Jpeg(1080, 1080));
        var created = await (await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "Mon premier post planifié" }, ApiClient.Ct)).ReadJsonAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Home");
        await Expect(page.Locator("#first-steps .sp-steps-done")).ToHaveTextAsync("2 of 4 done");
        await Expect(steps.Filter(new() { HasText = "Upload an image" })).ToHaveAttributeAsync("data-done", "true");
        await Expect(steps.Filter(new() { HasText = "Write your first post" })).ToHaveAttributeAsync("data-done", "true");
        await Expect(steps.Filter(new() { HasText = "Connect your" })).ToHaveAttributeAsync("data-done", "false");
        await Expect(page.Locator("#posts-per-week")).ToBeVisibleAsync();

        await WebUser.ConnectAsync(page, "Linkedin");
        var id = created["data"]!["id"]!.GetValue<string>();
        (await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{id}/schedule",
            new { scheduled_at = DateTimeOffset.UtcNow.AddDays(3) }, ApiClient.Ct)).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Home");
        await Expect(page.Locator("#next-posts")).ToContainTextAsync("Mon premier post planifié");
        await Expect(page.Locator("#first-steps")).ToHaveCountAsync(0);
    }
}
