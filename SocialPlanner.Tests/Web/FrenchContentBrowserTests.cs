using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>The content pages (posts, the editor, ideas, templates, the media library, insights) for a user whose
/// language is French, in a browser that reports fr-CH: every text a person reads there is French.</summary>
public sealed class FrenchContentBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_post_list_and_the_editor_read_in_French_from_a_new_post_to_its_deletion()
    {
        var page = await OpenInFrenchAsync(await FrenchUserAsync(), "/posts", "Publications");

        await Expect(page.GetByLabel("Rechercher")).ToHaveAttributeAsync("placeholder", "Mots du texte");
        await Expect(page.GetByText("Aucune publication ne correspond.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Modifiée le" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle publication" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Nouvelle publication");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quand et où" })).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-selectbar").GetByText("Les deux", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rédiger avec l’IA" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Premier commentaire" })).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-preview-empty").First).ToHaveTextAsync("Votre texte apparaîtra ici.");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("Pas encore enregistré");

        await page.GetByLabel("Texte", new() { Exact = true }).FillAsync("Conseil du lundi : planifiez votre semaine. #TechSuisse");
        await Expect(page.Locator("[data-network=LinkedIn] .sp-count-characters")).ToHaveTextAsync($"55 / {3_000.ToString("N0", CultureInfo.GetCultureInfo("fr-CH"))} caractères");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Enregistré à");
        await WebUser.WaitForPageAsync(page, "Modifier la publication");
        await Expect(page.GetByText("Ce texte est-il réussi ?", new() { Exact = false })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "fr-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Supprimer la publication" });
        await Expect(dialog).ToContainTextAsync("Supprimer cette publication ? Une publication planifiée ne sera pas publiée.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(page.GetByText("Publication supprimée")).ToBeVisibleAsync();
        await WebUser.WaitForPageAsync(page, "Publications");
    }

    [Fact]
    public async Task The_Ideas_page_asks_generates_and_offers_the_ideas_in_French()
    {
        var page = await OpenInFrenchAsync(await FrenchUserAsync(), "/ideas", "Idées");

        await Expect(page.GetByText("Décrivez votre activité et vos thèmes, puis générez des idées.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("Votre activité, en une phrase").FillAsync("Coaching de fondateurs à Genève");
        await page.GetByLabel("Thèmes (séparés par des virgules)").FillAsync("productivité, IA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer des idées" }).ClickAsync();
        await Expect(page.Locator("#ideas-quota")).ToContainTextAsync("générations IA ce mois-ci");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utiliser cette idée" }).First.ClickAsync();
        await Expect(page.GetByText("Rédiger pour")).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-dropdown:has([name=write-tone]) .rz-dropdown-label")).ToHaveTextAsync("professionnel");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rédiger la publication" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "fr-ideas");
    }

    [Fact]
    public async Task Templates_show_their_category_translated_and_their_dialogs_in_French()
    {
        var user = await FrenchUserAsync();
        var created = await user.Http.PostAsJsonAsync("/api/templates", new
        {
            name = "Cas client",
            category = "etude_cas",
            platform = "linkedin",
            content = "Comment {{client}} a gagné du temps",
            variables = new { client = "Marie" },
        }, ApiClient.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await OpenInFrenchAsync(user, "/templates", "Modèles");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Études de cas" })).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-template-uses")).ToHaveTextAsync("Pas encore utilisé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier le modèle Cas client" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Modifier « Cas client »");
        await Expect(dialog.GetByLabel("Nom du modèle")).ToHaveValueAsync("Cas client");
        await Expect(dialog.Locator("#edit-template-variables")).ToHaveTextAsync("Variables, demandées à l’utilisation du modèle : Client.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Utiliser", Exact = true }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Utiliser « Cas client »");
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Aperçu" })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "fr-templates");
    }

    [Fact]
    public async Task The_media_library_uploads_and_describes_an_image_in_French()
    {
        var page = await OpenInFrenchAsync(await FrenchUserAsync(), "/media", "Médiathèque");

        await Expect(page.Locator(".sp-media-count")).ToHaveTextAsync("Aucun élément");
        await Expect(page.GetByText("Aucun média pour l’instant.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Déposez des images ou des vidéos ici", new() { Exact = false })).ToBeVisibleAsync();
        await WebUser.WaitForUploadReadyAsync(page);
        await page.Locator(".sp-drop-zone input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bureau.jpg", MimeType = "image/jpeg", Buffer = MediaSamples.Jpeg(1080, 1080),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier bureau.jpg" }).ClickAsync();
        await page.GetByLabel("Texte alternatif (lu à voix haute aux personnes qui ne peuvent pas voir l’image)").FillAsync("Un bureau rangé");
        await page.GetByLabel("Étiquettes (séparées par des virgules)").FillAsync("bureau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByAltText("Un bureau rangé").First).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-media-count")).ToHaveTextAsync("1 élément");
        await Expect(page.GetByText("Enregistré", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-button", new() { HasText = "Fermer" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "fr-media");
    }

    [Fact]
    public async Task Insights_name_their_figures_and_the_heatmap_days_in_French()
    {
        var page = await OpenInFrenchAsync(await FrenchUserAsync(), "/insights", "Statistiques");

        await Expect(page.GetByLabel("Du", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-insights-filters .rz-dropdown-label")).ToHaveTextAsync("Tous les réseaux");
        await Expect(page.Locator(".sp-insights-totals")).ToContainTextAsync("Portée");
        await Expect(page.Locator(".sp-insights-totals")).ToContainTextAsync("Taux d’engagement");
        await Expect(page.Locator(".sp-insights-empty")).ToContainTextAsync("Pas encore de chiffres pour cette période.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meilleur moment pour publier" })).ToBeVisibleAsync();
        var heatmap = page.GetByRole(AriaRole.Table, new() { Name = "Taux d’engagement par jour de la semaine et par heure, dans votre fuseau horaire" });
        await Expect(heatmap.GetByRole(AriaRole.Rowheader).First).ToHaveTextAsync("lundi");
        await Expect(heatmap.Locator("[role=cell]").First).ToHaveAttributeAsync("aria-label", "lundi 00:00 : aucune publication");
        await Browser.ScreenshotAsync(page, "fr-insights");
    }

    [Fact]
    public async Task A_published_post_says_when_it_went_out_and_its_figures_in_French()
    {
        var user = await FrenchUserAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Conseil du lundi" }, ApiClient.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Guid.Parse((await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>());
        // As the Worker leaves it once published and read back (docs/insights.md's metadata), in the user's zone (UTC).
        await App.OwnerScalarAsync<int>("""
            WITH p AS (UPDATE posts SET status = 'published', published_at = '2026-03-02T08:30:00Z', metadata = $2::jsonb WHERE id = $1 RETURNING 1)
            SELECT count(*)::int FROM p
            """, id, """{"analytics":{"linkedin":{"latest":{"at":"2026-03-03T09:15:00Z","reach":1234,"likes":10,"comments":2,"shares":1}}}}""");

        var page = await OpenInFrenchAsync(user, $"/posts/{id}", "Publication parue");

        await Expect(page.Locator(".sp-published-when")).ToHaveTextAsync(
            "Publiée le lundi 2 mars 2026 à 08:30. Elle ne peut plus être modifiée ici ; enregistrez-la comme modèle ou notez-la ci-dessous.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chiffres" })).ToBeVisibleAsync();
        var french = CultureInfo.GetCultureInfo("fr-CH");
        await Expect(page.Locator(".sp-figures-line")).ToContainTextAsync(
            $"LinkedIn: portée {1234.ToString("N0", french)}, j’aime 10, commentaires 2, partages 1, engagement {(13 / 1234.0).ToString("P1", french)}.");
        await Expect(page.Locator(".sp-figures-line")).ToContainTextAsync(". (relevé le 3 mars, 09:15)");
        await Expect(page.GetByLabel("Texte", new() { Exact = true })).ToHaveValueAsync("Conseil du lundi");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer comme modèle" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "fr-published");
    }

    /// <summary>A user who chose French (stored on the account; the Web sets the culture cookie from it at sign-in).</summary>
    private async Task<TestUser> FrenchUserAsync()
    {
        var user = await App.RegisterAsync();
        var answer = await user.Http.PatchAsJsonAsync("/api/auth/me", new { language = "fr" }, ApiClient.Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return user;
    }

    /// <summary>Signs in from a browser reporting fr-CH; the sign-in form is found by its fields, whatever its language.</summary>
    private async Task<IPage> OpenInFrenchAsync(TestUser user, string path, string heading)
    {
        var page = await Chromium.NewPageAsync(Web, locale: "fr-CH");
        await page.GotoAsync($"login?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name='Form.Email']").FillAsync(user.Email);
        await page.Locator("input[name='Form.Password']").FillAsync(user.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await WebUser.WaitForPageAsync(page, heading);
        return page;
    }
}
