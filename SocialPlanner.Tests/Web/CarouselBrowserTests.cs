using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #17 §2 and §3 as a new user meets them: several images put in order by dragging, previewed as a carousel
/// or a grid, published through the sandbox in that order, with a first comment under the post.</summary>
public sealed class CarouselBrowserTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_user_publishes_a_four_image_Instagram_carousel_in_the_order_dragged_with_a_first_comment()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "", "Home");
        await WebUser.ConnectAsync(page, "Instagram");
        (string Name, int Width, int Height)[] images = [("one.jpg", 1080, 1350), ("two.jpg", 1080, 1080), ("three.jpg", 1200, 1000), ("four.jpg", 1080, 900)];
        foreach (var (name, width, height) in images)
        {
            await WebUser.UploadImageAsync(page, name, $"Photo {name}", MediaSamples.Jpeg(width, height));
        }

        await page.GotoAsync("posts/new");
        await WebUser.WaitForPageAsync(page, "New post");
        await page.Locator(".rz-selectbar").GetByText("Instagram", new() { Exact = true }).ClickAsync();
        var text = $"Four steps to a calmer month-end {Guid.NewGuid():N}";
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add media" }).ClickAsync();
        foreach (var (name, _, _) in images)
        {
            await page.GetByRole(AriaRole.Option).Filter(new() { HasText = name }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach 4" }).ClickAsync();
        await page.GetByLabel("First comment", new() { Exact = true }).FillAsync("Which step do you skip? #bookkeeping");
        await Expect(page.Locator("[data-comment-network=Instagram]")).ToContainTextAsync("36 / 2,200 characters");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");

        // The fourth image dragged onto the first: it becomes the cover, the others move along.
        var thumbs = page.Locator("#media-order-hint ~ .sp-thumbs .sp-thumb");
        await Expect(thumbs.Nth(0).Locator("img")).ToHaveAttributeAsync("alt", "Photo one.jpg");
        await thumbs.Nth(3).DragToAsync(thumbs.Nth(0));
        await Expect(thumbs.Nth(0).Locator("img")).ToHaveAttributeAsync("alt", "Photo four.jpg");
        await Expect(thumbs.Nth(1).Locator("img")).ToHaveAttributeAsync("alt", "Photo one.jpg");
        var dragged = await thumbs.EvaluateAllAsync<string[]>("thumbs => thumbs.map(t => t.dataset.mediaId)");

        // The Instagram preview is a carousel of four with its first comment under the caption.
        var preview = page.Locator("[data-network=Instagram].sp-preview");
        await Expect(preview.GetByRole(AriaRole.Group, new() { Name = "Carousel of 4 images" })).ToBeVisibleAsync();
        await Expect(preview.Locator(".sp-preview-media")).ToHaveAttributeAsync("alt", "Photo four.jpg");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Next image" }).ClickAsync();
        await Expect(preview.Locator(".sp-preview-media")).ToHaveAttributeAsync("alt", "Photo one.jpg");
        await Expect(preview.Locator(".sp-preview-comment")).ToContainTextAsync("Which step do you skip? #bookkeeping");
        await Browser.ScreenshotAsync(page, "carousel-editor");

        // Saved and opened again: the order held.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Saved at");
        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");
        await Expect(thumbs).ToHaveCountAsync(4);
        Assert.Equal(dragged, await thumbs.EvaluateAllAsync<string[]>("thumbs => thumbs.map(t => t.dataset.mediaId)"));
        await Expect(page.GetByLabel("First comment", new() { Exact = true })).ToHaveValueAsync("Which step do you skip? #bookkeeping");

        await page.Locator("#when-and-where").GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();

        // The sandbox's Instagram received one carousel, images in the dragged order, and the comment under it.
        var sandbox = App.CreateHttpClient("sandbox");
        var published = await WebUser.EventuallyAsync(async ct =>
        {
            var items = await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=instagram", ct);
            return items!.FirstOrDefault(i => i!["text"]!.GetValue<string>() == text && i["comments"] is JsonArray { Count: > 0 });
        }, TimeSpan.FromMinutes(2), "the carousel and its comment on the sandbox's Instagram");
        Assert.Equal(["jpeg 1080x900", "jpeg 1080x1350", "jpeg 1080x1080", "jpeg 1200x1000"],
            published!["images"]!.AsArray().Select(i => i!["info"]!.GetValue<string>().Split(',')[0]));
        Assert.Equal("Which step do you skip? #bookkeeping", Assert.Single(published["comments"]!.AsArray())!["text"]!.GetValue<string>());

        await page.ReloadAsync();
        await WebUser.WaitForPageAsync(page, "Published post");
        await Expect(page.Locator(".sp-comment-posted")).ToContainTextAsync("First comment posted on Instagram");
        await Browser.ScreenshotAsync(page, "carousel-published");
    }

    [Fact]
    public async Task A_two_image_LinkedIn_post_is_previewed_as_a_grid_and_published_as_one_multi_image_post()
    {
        var user = await App.RegisterAsync();
        var page = await OpenAsync(user, "", "Home");
        await WebUser.ConnectAsync(page, "Linkedin");
        await WebUser.UploadImageAsync(page, "wide.jpg", "Photo wide", MediaSamples.Jpeg(1200, 627));
        await WebUser.UploadImageAsync(page, "square.jpg", "Photo square", MediaSamples.Jpeg(1080, 1080));

        await page.GotoAsync("posts/new");
        await WebUser.WaitForPageAsync(page, "New post");
        await page.Locator(".rz-selectbar").GetByText("LinkedIn", new() { Exact = true }).ClickAsync();
        var text = $"Two pictures from the workshop {Guid.NewGuid():N}";
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add media" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "square.jpg" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "wide.jpg" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach 2" }).ClickAsync();
        // Reordered with the keyboard-accessible buttons this time.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move attachment 2 earlier" }).ClickAsync();
        await Expect(page.Locator("[data-network=LinkedIn].sp-preview .sp-image-grid img")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-network=LinkedIn].sp-preview .sp-image-grid img").First).ToHaveAttributeAsync("alt", "Photo wide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");

        await page.Locator("#when-and-where").GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();

        var sandbox = App.CreateHttpClient("sandbox");
        var published = await WebUser.EventuallyAsync(async ct =>
        {
            var items = await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=linkedin", ct);
            return items!.FirstOrDefault(i => i!["text"]!.GetValue<string>() == text);
        }, TimeSpan.FromMinutes(2), "the multi-image post on the sandbox's LinkedIn");
        Assert.Equal(["jpeg 1200x627", "jpeg 1080x1080"],
            published!["images"]!.AsArray().Select(i => i!["info"]!.GetValue<string>().Split(',')[0]));
        Assert.Equal(1, published["request_count"]!.GetValue<int>());
    }
}
