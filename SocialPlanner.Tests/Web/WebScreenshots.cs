using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Web;

/// <summary>
/// Issue #16's before/after pictures: the same user and posts, then Home, the editor, the calendar and the phone
/// view saved as PNGs (to <c>SOCIALPLANNER_SCREENSHOTS</c>, else <c>docs/images/after</c>). Only pages, headings and
/// the Api are used, so the same file runs on an older commit to take the "before" set:
/// <c>./test.sh --explicit only --filter-class SocialPlanner.Tests.Web.WebScreenshots</c>.
/// </summary>
public sealed class WebScreenshots(AppFixture app) : BrowserTest(app)
{
    private static string Directory =>
        Environment.GetEnvironmentVariable("SOCIALPLANNER_SCREENSHOTS") ?? Path.Combine(BuiltProcess.RepositoryRoot, "docs", "images", "after");

    [Fact(Explicit = true)]
    public async Task Home_the_editor_the_calendar_and_the_phone_view()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web, 1366, 900);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await SaveAsync(page, "home-new-user");
        await WebUser.ConnectAsync(page, "Linkedin");

        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var draft = await PostAsync(user, "Conseil du lundi : trois façons de garder une trésorerie saine quand les clients paient en retard. #TechSuisse");
        await PostAsync(user, "Témoignage : comment une menuiserie de Morges a réduit ses factures impayées de moitié.", tomorrow.AddHours(9));
        await PostAsync(user, "Actualité : ce qui change pour la TVA des indépendants en 2027.", tomorrow.AddDays(2).AddHours(12));
        await PostAsync(user, "Notre checklist de fin d'année pour les artisans vaudois.");

        await page.GotoAsync("");
        await WebUser.WaitForPageAsync(page, "Home");
        await SaveAsync(page, "home");
        await page.GotoAsync($"posts/{draft}");
        await WebUser.WaitForPageAsync(page, "Edit post");
        await SaveAsync(page, "editor");
        await page.GotoAsync("calendar");
        await WebUser.WaitForPageAsync(page, "Calendar");
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".rz-event [data-post-id]").First).ToBeVisibleAsync();
        await SaveAsync(page, "calendar");

        var phone = await Chromium.NewPageAsync(Web, 390, 844);
        await WebUser.SignInAsync(phone, user.Email, user.Password, "/calendar");
        await WebUser.WaitForPageAsync(phone, "Calendar");
        await SaveAsync(phone, "calendar-phone");
        await phone.GotoAsync($"posts/{draft}");
        await WebUser.WaitForPageAsync(phone, "Edit post");
        await SaveAsync(phone, "editor-phone");
    }

    private static async Task<string> PostAsync(TestUser user, string content, DateTime? at = null)
    {
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content }, ApiClient.Ct);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        if (at is { } when)
        {
            (await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{id}/schedule", new { scheduled_at = new DateTimeOffset(when, TimeSpan.Zero) }, ApiClient.Ct)).EnsureSuccessStatusCode();
        }
        return id;
    }

    /// <summary>After the page has settled (its data loaded, the circuit idle).</summary>
    private static async Task SaveAsync(Microsoft.Playwright.IPage page, string name)
    {
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
