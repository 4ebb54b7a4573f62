using System.Net;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>The calendar feed section of Settings (issue #18 §4): turn on, copy the address, get a new one, turn off.</summary>
public sealed class CalendarFeedBrowserTests(AppFixture app) : BrowserTest(app)
{
    private static async Task<HttpStatusCode> FetchAsync(string url)
    {
        using var calendarApp = new HttpClient();
        using var response = await calendarApp.GetAsync(url, ApiClient.Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_feed_is_turned_on_given_a_new_address_and_turned_off_from_Settings()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/settings", "Settings");
        var card = page.Locator(".sp-calendar-feed");
        await Expect(card.Locator(".sp-feed-state")).ToHaveTextAsync("The calendar feed is off.");

        await card.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        var address = card.GetByLabel("Your private feed address");
        await Expect(address).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/api/calendar/feed/[A-Za-z0-9_-]+\.ics$"));
        var first = await address.InputValueAsync();
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(first));
        await card.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Browser.ScreenshotAsync(page, "settings-calendar-feed");

        await card.GetByRole(AriaRole.Button, new() { Name = "New address" }).ClickAsync();
        await Expect(address).Not.ToHaveValueAsync(first);
        var second = await address.InputValueAsync();
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(first));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(second));

        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Settings");
        await Expect(card.Locator(".sp-feed-state")).ToContainTextAsync("The calendar feed is on since");
        await Expect(card.GetByLabel("Your private feed address")).ToHaveCountAsync(0);

        await card.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await Expect(card.Locator(".sp-feed-state")).ToHaveTextAsync("The calendar feed is off.");
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(second));
    }
}
