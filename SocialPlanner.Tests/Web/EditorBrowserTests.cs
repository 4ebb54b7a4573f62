using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #16 §2, §7 and §9: the editor puts when-and-where first with "Publish now", previews under the connected
/// account's name, variants compared beside the text without saving by hand, stars that say what they are for; the Connections page says which account posts, with "Reconnect" secondary
/// while the connection works.</summary>
public sealed class EditorBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_post_goes_out_with_Publish_now_from_the_card_above_the_text_and_previews_under_the_account_name()
    {
        var user = await App.RegisterAsync();
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignInAsync(page, user.Email, user.Password);
        await WebUser.WaitForPageAsync(page, "Home");
        await WebUser.ConnectAsync(page, "Linkedin");
        var connections = await user.Http.GetFromJsonAsync<JsonObject>("/api/social/connections", ApiClient.Ct);
        var linkedIn = connections!["data"]!.AsArray().Single(c => c!["platform"]!.GetValue<string>() == "linkedin")!;
        var account = linkedIn["profile_name"]!.GetValue<string>();
        var picture = linkedIn["profile_picture_url"]!.GetValue<string>();
        var card = page.Locator("[data-platform=Linkedin]");
        await Expect(card.Locator(".sp-account")).ToContainTextAsync($"Posting as {account}");
        await Expect(card.Locator($".sp-avatar img[src='{picture}']")).ToBeVisibleAsync();
        Assert.True(await card.Locator(".sp-avatar img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the account's picture loads");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Reconnect" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-variant-outlined"));

        await page.GotoAsync("posts/new");
        await WebUser.WaitForPageAsync(page, "New post");
        var whenAndWhere = page.Locator("#when-and-where");
        var text = page.GetByLabel("Text", new() { Exact = true });
        Assert.True((await whenAndWhere.BoundingBoxAsync())!.Y < (await text.BoundingBoxAsync())!.Y, "when-and-where comes before the text");
        var content = $"Published from the editor in one click {Guid.NewGuid():N}";
        await text.FillAsync(content);
        await Expect(page.Locator(".sp-preview-author").First).ToHaveTextAsync(account);
        await Expect(page.Locator($".sp-preview .sp-avatar img[src='{picture}']")).ToBeVisibleAsync();

        await Browser.ScreenshotAsync(page, "editor-when-and-where");

        await whenAndWhere.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();

        await WebUser.WaitForPageAsync(page, "Published post");
        await Expect(page.GetByText("Your post is live on LinkedIn.")).ToBeVisibleAsync();
        var sandbox = App.CreateHttpClient("sandbox");
        var published = await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=linkedin", ApiClient.Ct);
        Assert.Single(published!, p => p!["text"]!.GetValue<string>().StartsWith(content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_now_asks_first_and_not_yet_sends_nothing()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/posts/new", "New post");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Not ready to go out yet");

        await page.Locator("#when-and-where").GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Not yet" }).ClickAsync();

        await WebUser.WaitForPageAsync(page, "New post");
        // Nothing went out: whatever the editor saved meanwhile is still a draft without publications.
        var posts = await user.Http.GetFromJsonAsync<JsonObject>("/api/content/posts", ApiClient.Ct);
        Assert.All(posts!["data"]!.AsArray(), p => Assert.Equal("draft", p!["status"]!.GetValue<string>()));
        Assert.Equal(0L, await App.OwnerScalarAsync<long>("SELECT count(*) FROM post_publications pp JOIN posts p ON p.id = pp.post_id WHERE p.user_id = $1", user.Id));
    }

    [Fact]
    public async Task Variants_of_a_new_text_are_offered_without_saving_by_hand_and_compared_beside_it()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/posts/new", "New post");
        var suggest = page.GetByRole(AriaRole.Button, new() { Name = "Suggest variants" });
        await Expect(suggest).ToBeDisabledAsync();
        await Expect(page.Locator("#variants-hint")).ToContainTextAsync("Write or generate a text first");

        const string mine = "We help craftsmen send invoices on time. Ask us how.";
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(mine);
        await suggest.ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator(".sp-variant-current")).ToContainTextAsync(mine);
        await Expect(dialog.Locator(".sp-variant")).ToHaveCountAsync(3);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/posts/[0-9a-f-]{36}$"));
        await Browser.ScreenshotAsync(page, "editor-variants-dialog");
        var variant = await dialog.Locator(".sp-variant .sp-preview-text").Nth(1).InnerTextAsync();
        await dialog.Locator(".sp-variant").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Use this one" }).ClickAsync();

        var text = page.GetByLabel("Text", new() { Exact = true });
        await Expect(text).Not.ToHaveValueAsync(mine);
        Assert.Equal(Words(variant), Words(await text.InputValueAsync()));
    }

    [Fact]
    public async Task The_rating_stars_of_a_saved_post_say_what_they_are_for()
    {
        var user = await App.RegisterAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Rated by its author" }, ApiClient.Ct);
        var id = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        var page = await OpenAsync(user, $"/posts/{id}", "Edit post");

        await Expect(page.Locator("#rating-hint")).ToContainTextAsync("Only you see it");
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
