using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>The app on a 390 px phone (issue #16 §8): nothing wider than the screen, and a menu that covers the page
/// when opened instead of squeezing it.</summary>
public sealed class PhoneBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task On_a_phone_Home_fits_the_screen_and_the_menu_covers_the_page_instead_of_squeezing_it()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web, width: 390, height: 844);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "Home is wider than the phone");
        var main = page.Locator(".sp-main");
        var closed = (await main.BoundingBoxAsync())!;
        Assert.True(closed.X < 40 && closed.Width > 320, $"The page starts at {closed.X} px, {closed.Width} px wide: the menu takes room while closed");
        await Browser.ScreenshotAsync(page, "home-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Link, new() { Name = "Calendar" });
        await Expect(menu).ToBeVisibleAsync();
        // Measured once the menu has finished opening (it slides in).
        await page.WaitForFunctionAsync("() => document.querySelector('.rz-sidebar').getBoundingClientRect().width > 250");
        await Expect(page.Locator(".rz-sidebar")).ToHaveCSSAsync("opacity", "1");
        var open = (await main.BoundingBoxAsync())!;
        // The page stays where it was (within the closed menu's 1 px border), under the menu.
        Assert.InRange(open.X, closed.X - 2, closed.X + 2);
        Assert.InRange(open.Width, closed.Width - 2, closed.Width + 2);
        await Browser.ScreenshotAsync(page, "menu-phone");

        // Choosing a page closes the menu again.
        await menu.ClickAsync();
        await WebUser.WaitForPageAsync(page, "Calendar");
        await page.WaitForFunctionAsync("() => document.querySelector('.rz-sidebar').getBoundingClientRect().width < 2"); // its 1 px border stays
        Assert.True((await main.BoundingBoxAsync())!.Width > 320);
    }

    [Fact]
    public async Task On_a_phone_the_calendar_opens_as_a_list_of_the_weeks_posts_that_fits_the_screen()
    {
        var user = await App.RegisterAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Read on a phone, in a list" }, ApiClient.Ct);
        var postId = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        (await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule", new { scheduled_at = DateTimeOffset.UtcNow.AddHours(2) }, ApiClient.Ct)).EnsureSuccessStatusCode();
        var page = await OpenAsync(user, "/calendar", "Calendar", 390, 844);

        // The pressed view button reads its icon's ligature, then its name.
        await Expect(page.Locator(".rz-scheduler-nav-views [aria-pressed=true]")).ToContainTextAsync("List");
        await Expect(page.Locator($"[data-post-id='{postId}']")).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-week-view")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "The calendar is wider than the phone");
        await Browser.ScreenshotAsync(page, "calendar-phone");
    }
}
