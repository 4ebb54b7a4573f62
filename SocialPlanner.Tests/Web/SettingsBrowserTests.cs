using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>The account part of Settings (issue #16 §7): the password, the user's data and the account itself.</summary>
public sealed class SettingsBrowserTests(AppFixture app) : BrowserTest(app)
{
    private const string NewPassword = "FreshPass789";

    [Fact]
    public async Task The_password_changes_from_Settings_after_a_wrong_current_one_is_pointed_out_and_this_browser_stays_signed_in()
    {
        var user = await App.RegisterAsync();
        var page = await OpenSettingsAsync(user);
        var card = page.Locator(".sp-password-card");

        await card.GetByLabel("Current password").FillAsync("NotMine123");
        await card.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await card.GetByLabel("Confirm new password").FillAsync(NewPassword);
        await card.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The password is incorrect");

        await card.GetByLabel("Current password").FillAsync(user.Password);
        await card.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your other devices are signed out; use the new password there.")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(card.GetByLabel("Current password")).ToHaveValueAsync("");
        await Browser.ScreenshotAsync(page, "settings-password-changed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Posts", Exact = true }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Posts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password");
        await WebUser.SignInAsync(page, user.Email, NewPassword);
        await WebUser.WaitForPageAsync(page, "Home");
    }

    [Fact]
    public async Task A_weak_or_mistyped_new_password_is_explained_beside_its_field()
    {
        var user = await App.RegisterAsync();
        var page = await OpenSettingsAsync(user);
        var card = page.Locator(".sp-password-card");

        await card.GetByLabel("Current password").FillAsync(user.Password);
        await card.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await card.GetByLabel("Confirm new password").FillAsync("FreshPass788");
        await card.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The two new passwords differ.");

        await card.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await card.GetByLabel("Confirm new password").FillAsync("short");
        await card.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert).First).ToContainTextAsync("at least 8");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
    }

    [Fact]
    public async Task Download_my_data_saves_the_users_own_export_file()
    {
        var user = await App.RegisterAsync();
        (await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Un post à emporter" }, ApiClient.Ct))
            .EnsureSuccessStatusCode();
        var page = await OpenSettingsAsync(user);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());

        Assert.StartsWith("socialplanner-export-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        await using var file = await download.CreateReadStreamAsync();
        var export = await JsonNode.ParseAsync(file, cancellationToken: ApiClient.Ct);
        Assert.Equal(user.Email, export!["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Un post à emporter", Assert.Single(export["posts"]!.AsArray())!["content"]!.GetValue<string>());
        await WebUser.WaitForPageAsync(page, "Settings");
    }

    [Fact]
    public async Task Deleting_the_account_asks_for_the_password_and_a_last_yes_then_says_goodbye_on_the_sign_in_page()
    {
        var user = await App.RegisterAsync();
        (await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Bientôt effacé" }, ApiClient.Ct))
            .EnsureSuccessStatusCode();
        var page = await OpenSettingsAsync(user);
        var card = page.Locator(".sp-delete-card");

        await card.GetByLabel("Your password, to confirm").FillAsync("NotMine123");
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep my account" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(1L, await App.OwnerScalarAsync<long>("SELECT count(*) FROM users WHERE id = $1", user.Id));

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The password is incorrect");
        Assert.Equal(1L, await App.OwnerScalarAsync<long>("SELECT count(*) FROM users WHERE id = $1", user.Id));

        await card.GetByLabel("Your password, to confirm").FillAsync(user.Password);
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "settings-delete-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-goodbye")).ToContainTextAsync("Your account and everything in it have been deleted.");
        await Browser.ScreenshotAsync(page, "sign-in-goodbye");
        Assert.Equal(0L, await App.OwnerScalarAsync<long>("SELECT count(*) FROM users WHERE id = $1", user.Id));
        Assert.Equal(0L, await App.OwnerScalarAsync<long>("SELECT count(*) FROM posts WHERE user_id = $1", user.Id));
        await page.GotoAsync("posts");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fposts$"));
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password");
    }

    [Fact]
    public async Task Email_choices_are_saved_from_Settings_and_shown_again_on_the_next_visit()
    {
        var user = await App.RegisterAsync();
        var page = await OpenSettingsAsync(user);
        var card = page.Locator(".sp-notifications-card");
        var failed = card.GetByRole(AriaRole.Checkbox, new() { Name = "When a post could not be published" });
        var reconnect = card.GetByRole(AriaRole.Checkbox, new() { Name = "When LinkedIn or Instagram must be connected again" });
        await Expect(failed).ToBeCheckedAsync();
        await Expect(reconnect).ToBeCheckedAsync();
        await Expect(card).ToContainTextAsync("Password-reset emails are always sent");

        await failed.ClickAsync();
        await Expect(failed).Not.ToBeCheckedAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Update email choices" }).ClickAsync();
        await Expect(page.GetByText("Your email choices are saved.")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "settings-email-choices");

        Assert.False(await App.OwnerScalarAsync<bool>("SELECT notify_publication_failed FROM users WHERE id = $1", user.Id));
        Assert.True(await App.OwnerScalarAsync<bool>("SELECT notify_reconnect_needed FROM users WHERE id = $1", user.Id));
        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Settings");
        await Expect(failed).Not.ToBeCheckedAsync();
        await Expect(reconnect).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Choosing_French_in_Settings_reloads_the_app_in_French_and_signing_in_again_keeps_it()
    {
        var user = await App.RegisterAsync();
        var page = await OpenSettingsAsync(user);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByLabel("Language").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Français" }).ClickAsync();

        await WebUser.WaitForPageAsync(page, "Paramètres");
        await Expect(page).ToHaveURLAsync(new Regex("/settings$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Publications", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calendrier", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Posts", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Langue")).ToContainTextAsync("Français");
        Assert.Equal("fr", await App.OwnerScalarAsync<string>("SELECT language FROM users WHERE id = $1", user.Id));
        await Browser.ScreenshotAsync(page, "settings-in-french");

        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Paramètres");

        // Without its culture cookie the browser is an English one again: only the stored language can bring French back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion", Level = 1 })).ToBeVisibleAsync();
        await page.Context.ClearCookiesAsync();
        await WebUser.SignInAsync(page, user.Email, user.Password, "/settings");
        await WebUser.WaitForPageAsync(page, "Paramètres");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Accueil", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Langue").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "English" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Settings");
        Assert.Equal("en", await App.OwnerScalarAsync<string>("SELECT language FROM users WHERE id = $1", user.Id));
    }

    private async Task<IPage> OpenSettingsAsync(TestUser user)
    {
        var page = await OpenAsync(user, "/settings", "Settings");
        return page;
    }
}
