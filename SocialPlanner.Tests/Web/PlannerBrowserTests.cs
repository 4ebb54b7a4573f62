using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

public sealed class PlannerBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_user_signs_up_writes_a_post_with_live_previews_and_finds_it_in_the_list()
    {
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignUpAsync(page, ApiClient.UniqueEmail(), ApiClient.Password);
        await Expect(page.Locator("#ai-quota")).ToContainTextAsync("100 of 100 left");
        await Browser.ScreenshotAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "New post" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "New post");
        await page.Locator(".rz-selectbar").GetByText("Both", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Three habits that give me back an hour every day. Number two surprised me. #Productivity");
        await page.GetByLabel("Hashtags").FillAsync("#Focus #Habits");

        var linkedIn = page.Locator("section[data-network=LinkedIn]");
        await Expect(linkedIn).ToContainTextAsync("Three habits");
        await Expect(page.Locator(".sp-counter[data-network=Instagram] .sp-count-hashtags")).ToHaveTextAsync("3 / 30 hashtags");

        // Instagram needs an image: the Api's refusal reaches the user in its own words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".rz-notification-item").GetByText("Instagram posts need at least one image")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "editor-error");
        await page.Locator(".rz-selectbar").GetByText("LinkedIn", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved at");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/posts/[0-9a-f-]{36}$"));
        await WebUser.WaitForPageAsync(page, "Edit post");
        await Browser.ScreenshotAsync(page, "editor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Posts" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Posts");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Three habits that give me back an hour" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Three habits" })).ToContainTextAsync("LinkedIn");
        await Browser.ScreenshotAsync(page, "posts");

        await page.GetByLabel("Search").FillAsync("nothing-matches-this");
        await page.GetByLabel("Search").PressAsync("Enter");
        await Expect(page.GetByText("No posts match.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_save_over_a_newer_version_shows_the_conflict_banner_and_keep_mine_overwrites_it()
    {
        var user = await App.RegisterAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "First draft" }, ApiClient.Ct);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        var page = await OpenAsync(user, $"/posts/{id}", "Edit post");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("First draft");

        // Another tab saves first.
        var theirs = await user.Http.PatchAsJsonAsync($"/api/content/posts/{id}", new { content = "Their version" }, ApiClient.Ct);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("My version");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This post was changed somewhere else" });
        await Expect(banner).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "editor-conflict");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Keep mine (overwrite)" }).ClickAsync();

        await Expect(banner).ToBeHiddenAsync();
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved at");
        var saved = await (await user.Http.GetAsync($"/api/content/posts/{id}", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal("My version", saved["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_variant_used_in_the_editor_is_saved_when_the_user_leaves()
    {
        var user = await App.RegisterAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "We help craftsmen send invoices on time. Ask us how." }, ApiClient.Ct);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        var page = await OpenAsync(user, $"/posts/{id}", "Edit post");

        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest variants" }).ClickAsync();
        var variants = page.Locator(".sp-variant");
        await Expect(variants).ToHaveCountAsync(3);
        await Browser.ScreenshotAsync(page, "editor-variants");
        await variants.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Use this one" }).ClickAsync();
        var text = page.GetByLabel("Text", new() { Exact = true });
        await Expect(text).Not.ToHaveValueAsync("We help craftsmen send invoices on time. Ask us how.");
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");
        var chosen = await text.InputValueAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Posts" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Posts");
        var saved = await (await user.Http.GetAsync($"/api/content/posts/{id}", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal(chosen, saved["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reload_theirs_replaces_the_editor_text_with_the_newer_version()
    {
        var user = await App.RegisterAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "First draft" }, ApiClient.Ct);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        var page = await OpenAsync(user, $"/posts/{id}", "Edit post");

        await user.Http.PatchAsJsonAsync($"/api/content/posts/{id}", new { content = "Their version" }, ApiClient.Ct);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("My version");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reload theirs" }).ClickAsync();

        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("Their version");
        await Expect(page.GetByText("This post was changed somewhere else")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_reset_link_from_the_mail_sets_a_new_password_that_signs_in()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await page.GotoAsync("forgot-password");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the reset link" }).ClickAsync();
        await Expect(page.GetByText("an email with a reset link is on its way")).ToBeVisibleAsync();

        await page.GotoAsync(await WebUser.ResetLinkFromMailAsync(App, user.Email));
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("BrandNewPass456!");
        await page.GetByLabel("Confirm new password").FillAsync("BrandNewPass456!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your password has been changed")).ToBeVisibleAsync();

        await WebUser.SignInAsync(page, user.Email, "BrandNewPass456!");
        await WebUser.WaitForPageAsync(page, "Home");
    }

    [Fact]
    public async Task Wrong_credentials_are_explained_in_words_and_signing_out_ends_the_session()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password");
        await Browser.ScreenshotAsync(page, "sign-in-error");

        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync("posts");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl=%2Fposts$"));
    }

    [Fact]
    public async Task On_a_phone_width_screen_the_editor_stacks_text_and_previews()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/posts/new", "New post", 390, 844);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Short post for the phone layout.");

        var text = await page.GetByLabel("Text", new() { Exact = true }).BoundingBoxAsync();
        var preview = await page.Locator("section[data-network=LinkedIn]").BoundingBoxAsync();
        Assert.True(preview!.Y > text!.Y + text.Height, "On a phone the previews come below the text, not beside it");
        Assert.True(preview.Width <= 390);
        await Browser.ScreenshotAsync(page, "editor-phone");
    }
}
