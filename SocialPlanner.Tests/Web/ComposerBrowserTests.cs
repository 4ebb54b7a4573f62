using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #16 §10: the offline composer (everyone's AI without a key) writes about the business it understood
/// — its audience — in grammatical French, instead of pasting the user's sentence into its phrases.</summary>
public sealed class ComposerBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task French_ideas_and_the_post_written_from_one_speak_of_the_audience_not_the_pasted_sentence()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/ideas", "Ideas");

        await page.GetByLabel("Your business, in a sentence").FillAsync("Je coache des entrepreneurs tech à Lausanne pour qu'ils vendent mieux");
        await page.GetByLabel("Themes (comma separated)").FillAsync("productivité, IA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate ideas" }).ClickAsync();
        var ideas = page.Locator(".sp-idea");
        await Expect(ideas.First).ToBeVisibleAsync();

        var texts = await ideas.AllInnerTextsAsync();
        Assert.All(texts, text => Assert.DoesNotContain("Je coache", text, StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("entrepreneurs tech", StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotMatch(@"\b(de le|de les|à le|à les)\b", text));

        await page.GetByRole(AriaRole.Button, new() { Name = "Use this idea" }).First.ClickAsync();
        await page.Locator(".rz-selectbar").GetByText("LinkedIn", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the post" }).ClickAsync();
        var text = page.GetByLabel("Text", new() { Exact = true });
        await Expect(text).Not.ToHaveValueAsync("");
        await Expect(text).ToBeEnabledAsync();
        var post = await text.InputValueAsync();
        Assert.DoesNotContain("Je coache", post, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(de le|de les|à le|à les)\b", post);
        await Browser.ScreenshotAsync(page, "composer-french");
    }
}
