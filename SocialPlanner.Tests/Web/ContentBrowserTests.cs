using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Ideas, AI writing, the media library and templates, through the browser.</summary>
public sealed class ContentBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Ideas_become_a_streamed_post_with_an_uploaded_image_and_a_reusable_template()
    {
        var page = await Chromium.NewPageAsync(Web);
        await WebUser.SignUpAsync(page, ApiClient.UniqueEmail(), ApiClient.Password);

        // The media library: drop an image (the file input is the drop zone), describe it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Media library" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Media library");
        await WebUser.WaitForUploadReadyAsync(page);
        await page.Locator(".sp-drop-zone input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "desk.jpg", MimeType = "image/jpeg", Buffer = MediaSamples.Jpeg(1080, 1080),
        });
        var thumbnail = page.GetByRole(AriaRole.Button, new() { Name = "Edit desk.jpg" });
        await Expect(thumbnail).ToBeVisibleAsync();
        await thumbnail.ClickAsync();
        await page.GetByLabel("Alt text (read aloud to people who cannot see it)").FillAsync("A tidy desk at sunrise");
        await page.GetByLabel("Tags (comma separated)").FillAsync("workspace, morning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByAltText("A tidy desk at sunrise").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "media");

        // Ideas: context and themes in, ideas out.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ideas" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Ideas");
        await page.GetByLabel("Your business, in a sentence").FillAsync("Coaching tech founders in Geneva");
        await page.GetByLabel("Themes (comma separated)").FillAsync("productivity, AI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate ideas" }).ClickAsync();
        await Expect(page.Locator("#ideas-quota")).ToContainTextAsync("AI generations left this month");
        var useIdea = page.GetByRole(AriaRole.Button, new() { Name = "Use this idea" });
        await Expect(useIdea.First).ToBeVisibleAsync();
        Assert.True(await useIdea.CountAsync() >= 1);
        await useIdea.First.ClickAsync();
        await page.Locator(".rz-selectbar").GetByText("Both", new() { Exact = true }).ClickAsync();
        await Browser.ScreenshotAsync(page, "ideas");

        // The editor writes the post as the stream arrives, then the image is attached from the library.
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the post" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "New post");
        var text = page.GetByLabel("Text", new() { Exact = true });
        await Expect(text).ToBeEnabledAsync();
        await Expect(text).Not.ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add media" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "desk.jpg" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach 1" }).ClickAsync();
        await Expect(page.Locator("section[data-network=Instagram] img[alt='A tidy desk at sunrise']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved at");
        await WebUser.WaitForPageAsync(page, "Edit post");
        await Browser.ScreenshotAsync(page, "editor-generated");

        // Rated, then kept as a template and used again.
        await page.Locator(".rz-rating").GetByRole(AriaRole.Radio).Nth(3).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as template" }).ClickAsync();
        await page.GetByLabel("Template name").FillAsync("Monday tips");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.GetByText("Template saved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Templates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monday tips" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "templates");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use" }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).Not.ToHaveValueAsync("");
    }

    [Fact]
    public async Task Settings_change_the_time_zone_the_app_shows_times_in()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "/settings", "Settings");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(user.Email);

        await page.GetByLabel("Time zone").ClickAsync();
        await page.Locator(".rz-dropdown-filter").FillAsync("Pacific/Auckland");
        await page.GetByRole(AriaRole.Option, new() { Name = "Pacific/Auckland" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Times now show in Pacific/Auckland.")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "settings");

        var me = await (await user.Http.GetAsync("/api/auth/me", ApiClient.Ct)).ReadJsonAsync();
        Assert.Equal("Pacific/Auckland", me["data"]!["time_zone"]!.GetValue<string>());
    }
}
