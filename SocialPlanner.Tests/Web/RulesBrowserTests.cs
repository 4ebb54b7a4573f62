using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Rules said before they bite (issue #16 §3): the networks' rules beside Media for the chosen networks only,
/// and a refusal worded for a person that keeps what was typed; previews only for the chosen networks (§2).</summary>
public sealed class RulesBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_image_rule_is_said_beside_media_for_Instagram_only_and_a_refusal_keeps_the_text_in_plain_words()
    {
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignUpAsync(page, ApiClient.UniqueEmail(), ApiClient.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "New post" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "New post");
        var hint = page.Locator(".sp-media-hint");

        // LinkedIn (the default) is not told about Instagram's rule.
        await Expect(hint).ToHaveTextAsync("No media yet: LinkedIn posts can go out as text only.");

        // Only the chosen networks are previewed.
        await Expect(page.Locator("section[data-network=LinkedIn]")).ToBeVisibleAsync();
        await Expect(page.Locator("section[data-network=Instagram]")).ToHaveCountAsync(0);

        await page.Locator(".rz-selectbar").GetByText("Instagram", new() { Exact = true }).ClickAsync();
        await Expect(hint).ToContainTextAsync("Instagram posts need at least one image: add one here.");
        await Expect(page.Locator("section[data-network=LinkedIn]")).ToHaveCountAsync(0);
        await page.Locator(".rz-selectbar").GetByText("Both", new() { Exact = true }).ClickAsync();
        await Expect(hint).ToContainTextAsync("LinkedIn can go out as text only.");

        const string text = "Nos trois conseils pour une photo de profil qui inspire confiance";
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var notification = page.Locator(".rz-notification-item");
        await Expect(notification).ToContainTextAsync("One thing to fix first");
        await Expect(notification).ToContainTextAsync("Instagram posts need at least one image");
        await Expect(page.GetByText("Business Rule Violation")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(text);
        await Browser.ScreenshotAsync(page, "editor-rule-before-saving");
    }
}
