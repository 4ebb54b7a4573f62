using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Times where the user lives (issue #16 §1): the zone comes from the browser at sign-up, and a change of zone
/// says first what it does to the posts already scheduled.</summary>
public sealed class TimeZoneBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_browser_in_Zurich_signs_up_into_Zurich_time()
    {
        var (page, api) = await SignUpInZurichAsync();
        using var _ = api;

        var me = await (await api.GetAsync("/api/auth/me", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal("Europe/Zurich", me["data"]!["time_zone"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Link, new() { Name = "New post" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "New post");
        await Expect(page.GetByText("Publish at (Europe/Zurich)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_browser_whose_zone_the_server_does_not_know_still_signs_up_in_UTC()
    {
        // Chromium reports "Etc/Unknown" when it cannot tell; the sign-up must not fail over a hidden field.
        var page = await Chromium.NewPageAsync(Web);
        await page.GotoAsync("register");
        await page.Locator("input[data-browser-time-zone]").EvaluateAsync("input => input.removeAttribute('data-browser-time-zone')");
        await page.Locator("input[name='Form.TimeZone']").EvaluateAsync("input => input.value = 'Mars/Olympus_Mons'");
        var email = ApiClient.UniqueEmail();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
        await page.GetByLabel("Confirm password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Home");

        using var api = await SignInOverApiAsync(email);
        var me = await (await api.GetAsync("/api/auth/me", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal("UTC", me["data"]!["time_zone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_the_zone_first_shows_each_scheduled_post_at_its_old_and_new_local_time_and_keeps_its_moment()
    {
        var (page, api) = await SignUpInZurichAsync();
        using var _ = api;
        // Tuesday 12 January 2027, 09:00 in Zurich (UTC+1 in winter).
        var at = new DateTimeOffset(2027, 1, 12, 8, 0, 0, TimeSpan.Zero);
        var created = await (await api.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "Bonne année: trois résolutions pour votre LinkedIn" }, ApiClient.Ct)).ReadJsonAsync();
        var id = created["data"]!["id"]!.GetValue<string>();
        (await api.PatchAsJsonAsync($"/api/calendar/posts/{id}/schedule", new { scheduled_at = at }, ApiClient.Ct)).EnsureSuccessStatusCode();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Settings");
        await Expect(page.Locator(".sp-zone-change")).ToHaveCountAsync(0);
        await page.GetByLabel("Time zone").ClickAsync();
        await page.Locator(".rz-dropdown-filter").FillAsync("America/New_York");
        await page.GetByRole(AriaRole.Option, new() { Name = "America/New_York" }).ClickAsync();

        var notice = page.Locator(".sp-zone-change");
        await Expect(notice).ToContainTextAsync("Your scheduled post keeps its moment");
        await Expect(notice).ToContainTextAsync("Bonne année: trois résolutions pour votr…: Tue 12 Jan, 09:00 → Tue 12 Jan, 03:00");
        await Browser.ScreenshotAsync(page, "settings-zone-change");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Times now show in America/New_York. Scheduled posts keep their moment.")).ToBeVisibleAsync();
        await Expect(notice).ToHaveCountAsync(0);

        var post = await (await api.GetAsync($"/api/content/posts/{id}", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal(at, post["data"]!["scheduled_at"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>Signs up in a Chromium that reports Zurich and de-CH, as a Swiss user's would; the same user over the Api.
    /// German is not a language the app speaks, so the pages are in English (a fr-CH browser now gets them in French).</summary>
    private async Task<(IPage Page, HttpClient Api)> SignUpInZurichAsync()
    {
        var page = await Chromium.NewPageAsync(Web, timeZone: "Europe/Zurich", locale: "de-CH");
        var email = ApiClient.UniqueEmail();
        await WebUser.SignUpAsync(page, email, ApiClient.Password);
        return (page, await SignInOverApiAsync(email));
    }

    private async Task<HttpClient> SignInOverApiAsync(string email)
    {
        var http = App.CreateHttpClient("api");
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password }, ApiClient.Ct);
        var token = (await login.ReadJsonAsync())["data"]!["session"]!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
