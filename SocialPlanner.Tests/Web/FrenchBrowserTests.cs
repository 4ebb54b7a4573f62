using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #18 §1: "a browser test walks the main pages in French". A French-speaking Swiss browser signs up and
/// finds every page, the navigation and the dates in French, with none of today's English headings left.</summary>
public sealed class FrenchBrowserTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>The menu's items, in the order the menu lists them.</summary>
    private static readonly string[] FrenchMenu =
        ["Accueil", "Idées", "Nouvelle publication", "Calendrier", "File d’attente", "Publications", "Statistiques", "Médiathèque", "Modèles", "Connexions", "Paramètres"];

    private static readonly string[] EnglishMenu =
        ["Home", "Ideas", "New post", "Calendar", "Queue", "Posts", "Insights", "Media library", "Templates", "Connections", "Settings"];

    [Fact]
    public async Task A_French_speaking_newcomer_signs_up_and_every_page_speaks_French()
    {
        var email = ApiClient.UniqueEmail();
        var page = await Chromium.NewPageAsync(Web, timeZone: "Europe/Zurich", locale: "fr-CH");

        await SignUpInFrenchAsync(page, email);
        Assert.Equal("fr", await App.OwnerScalarAsync<string>("SELECT language FROM users WHERE email = $1", email));

        await ExpectHomeInFrenchAsync(page);
        await ExpectCalendarInFrenchAsync(page);
        await ExpectQueueInFrenchAsync(page);
        await ExpectConnectionsInFrenchAsync(page);
        await ExpectSettingsInFrenchAsync(page);

        // The content pages (their details are walked in FrenchContentBrowserTests): French title, no English heading.
        foreach (var (menuItem, path, title, english) in new[]
                 {
                     ("Publications", "posts", "Publications", new[] { "Posts" }),
                     ("Nouvelle publication", "posts/new", "Nouvelle publication", ["New post", "When and where", "Write with AI"]),
                     ("Idées", "ideas", "Idées", ["Ideas"]),
                     ("Modèles", "templates", "Modèles", ["Templates"]),
                     ("Médiathèque", "media", "Médiathèque", ["Media library"]),
                     ("Statistiques", "insights", "Statistiques",
                         ["Insights", "Reach and interactions per week", "Engagement rate per week", "Posts", "Best time to post"]),
                 })
        {
            await OpenFromMenuAsync(page, menuItem, path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await ExpectNoHeadingsAsync(page, english);
            await ExpectShellInFrenchAsync(page);
        }
    }

    private static async Task SignUpInFrenchAsync(IPage page, string email)
    {
        await page.GotoAsync("register");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créez votre compte", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Langue")).ToHaveValueAsync("fr");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(ApiClient.Password);
        await page.GetByLabel("Confirmer le mot de passe").FillAsync("PasLeMeme123!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Les mots de passe diffèrent");

        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(ApiClient.Password);
        await page.GetByLabel("Confirmer le mot de passe").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Accueil");
    }

    private static async Task ExpectHomeInFrenchAsync(IPage page)
    {
        await Expect(page.Locator("#first-steps")).ToContainTextAsync("Connectez votre compte LinkedIn ou Instagram");
        await Expect(page.Locator("#first-steps .sp-steps-done")).ToHaveTextAsync("0 sur 4 terminées");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À venir" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "IA ce mois-ci" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trouver des idées" })).ToBeVisibleAsync();
        await ExpectNoHeadingsAsync(page, "Home", "Get started", "Coming up", "AI this month", "Needs your attention", "Recently published");
        await ExpectShellInFrenchAsync(page);
        await Browser.ScreenshotAsync(page, "french-home");
    }

    private static async Task ExpectCalendarInFrenchAsync(IPage page)
    {
        await OpenFromMenuAsync(page, "Calendrier", "calendar");
        await WebUser.WaitForPageAsync(page, "Calendrier");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brouillons" })).ToBeVisibleAsync();
        await Expect(page.Locator("#no-drafts")).ToContainTextAsync("Aucun brouillon à planifier.");
        var scheduler = page.Locator(".rz-scheduler");
        await Expect(scheduler.GetByText("Aujourd’hui", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-scheduler-nav-views")).ToContainTextAsync("Mois");
        await Expect(page.Locator(".rz-scheduler-nav-views")).ToContainTextAsync("Semaine");
        // The month in French, and the week starting on Monday.
        var month = DateTime.Now.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-CH"));
        await Expect(scheduler).ToContainTextAsync(month);
        await Expect(scheduler.Locator(".rz-month-view .rz-slot-header").First).ToHaveTextAsync("lun.");
        await Expect(scheduler.Locator(".rz-month-view .rz-slot-header").Last).ToHaveTextAsync("dim.");
        await ExpectNoHeadingsAsync(page, "Calendar", "Drafts");
        await ExpectShellInFrenchAsync(page);

        await page.Locator(".rz-scheduler-nav-views").GetByText("Semaine", new() { Exact = true }).ClickAsync();
        // Hours as the culture writes them (24-hour), not Radzen's "1 PM".
        await Expect(scheduler.Locator(".rz-week-view")).ToContainTextAsync("13:00");
        await Expect(scheduler.Locator(".rz-week-view")).Not.ToContainTextAsync("PM");
        await Browser.ScreenshotAsync(page, "french-calendar-week");
    }

    private static async Task ExpectQueueInFrenchAsync(IPage page)
    {
        await OpenFromMenuAsync(page, "File d’attente", "queue");
        await WebUser.WaitForPageAsync(page, "File d’attente");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Horaires de publication" })).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-week")).ToContainTextAsync(new Regex("^Semaine du lun\\. "));
        await Expect(page.Locator(".sp-queue-day h3").First).ToHaveTextAsync(new Regex("^lun\\. "));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Semaine suivante" })).ToBeVisibleAsync();
        await page.GetByLabel("Jour").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Lundi" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Monday" })).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Escape");
        await ExpectNoHeadingsAsync(page, "Queue", "Posting schedule");
        await ExpectShellInFrenchAsync(page);
    }

    private static async Task ExpectConnectionsInFrenchAsync(IPage page)
    {
        await OpenFromMenuAsync(page, "Connexions", "connections");
        await WebUser.WaitForPageAsync(page, "Connexions");
        var linkedin = page.Locator("[data-platform=Linkedin]");
        await Expect(linkedin).ToContainTextAsync("Non connecté");
        await Expect(linkedin.GetByRole(AriaRole.Button, new() { Name = "Connecter" })).ToBeVisibleAsync();
        await ExpectNoHeadingsAsync(page, "Connections");
        await ExpectShellInFrenchAsync(page);
    }

    private static async Task ExpectSettingsInFrenchAsync(IPage page)
    {
        await OpenFromMenuAsync(page, "Paramètres", "settings");
        await WebUser.WaitForPageAsync(page, "Paramètres");
        await Expect(page.GetByLabel("Langue")).ToContainTextAsync("Français");
        foreach (var heading in new[] { "Flux de calendrier", "Notifications par e-mail", "Mot de passe", "Vos données", "Supprimer mon compte" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" })).ToBeVisibleAsync();
        await ExpectNoHeadingsAsync(page, "Settings", "Calendar feed", "Email notifications", "Password", "Your data", "Delete my account");
        await ExpectShellInFrenchAsync(page);
        await Browser.ScreenshotAsync(page, "french-settings");
    }

    private static async Task OpenFromMenuAsync(IPage page, string menuItem, string path)
    {
        await page.Locator(".rz-sidebar").GetByRole(AriaRole.Link, new() { Name = menuItem, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{Regex.Escape(path)}$"));
    }

    /// <summary>The layout every signed-in page shares: the menu, the sign-out button, the page's language.</summary>
    private static async Task ExpectShellInFrenchAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var menu = page.Locator(".rz-sidebar");
        // Each item's text follows its icon's ligature name ("home", "lightbulb").
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(FrenchMenu.Select(item => new Regex(Regex.Escape(item) + "$")));
        foreach (var english in EnglishMenu)
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = english, Exact = true })).ToHaveCountAsync(0);
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    private static async Task ExpectNoHeadingsAsync(IPage page, params string[] english)
    {
        foreach (var heading in english)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToHaveCountAsync(0);
        }
    }
}
