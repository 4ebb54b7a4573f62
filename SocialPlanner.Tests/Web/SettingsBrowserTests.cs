using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The current password is incorrect");

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

    private async Task<IPage> OpenSettingsAsync(TestUser user)
    {
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password, "/settings");
        await WebUser.WaitForPageAsync(page, "Settings");
        return page;
    }
}
