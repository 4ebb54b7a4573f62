using Bunit;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

public sealed class NetworkPreviewTests : RadzenTestContext
{
    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("Planning beats improvising.", 20));

    [Fact]
    public void LinkedIn_folds_a_long_post_behind_see_more_and_expands_on_click()
    {
        var preview = Render<NetworkPreview>(p => p
            .Add(c => c.Network, Network.LinkedIn)
            .Add(c => c.Content, LongText));

        var more = preview.Find("button.sp-preview-more");
        Assert.Equal("…see more", more.TextContent);
        Assert.True(preview.Find(".sp-preview-text").TextContent.Length < 260);

        more.Click();

        Assert.Empty(preview.FindAll("button.sp-preview-more"));
        Assert.Contains(LongText, preview.Find(".sp-preview-text").TextContent);
    }

    [Fact]
    public void A_short_LinkedIn_post_is_shown_whole_without_see_more()
    {
        var preview = Render<NetworkPreview>(p => p.Add(c => c.Network, Network.LinkedIn).Add(c => c.Content, "Short and sweet."));

        Assert.Empty(preview.FindAll("button.sp-preview-more"));
        Assert.Contains("Short and sweet.", preview.Find(".sp-preview-text").TextContent);
    }

    [Fact]
    public void Instagram_folds_the_appended_hashtags_under_more_and_shows_them_as_links_when_expanded()
    {
        var preview = Render<NetworkPreview>(p => p
            .Add(c => c.Network, Network.Instagram)
            .Add(c => c.Content, "Morning light")
            .Add(c => c.Hashtags, new[] { "sunrise", "Geneva" })
            .Add(c => c.Author, "sami"));

        Assert.StartsWith("sami", preview.Find(".sp-preview-text").TextContent.Trim());
        Assert.Empty(preview.FindAll(".sp-preview-tag"));

        preview.Find("button.sp-preview-more").Click();

        Assert.Equal(["#sunrise", "#Geneva"], preview.FindAll(".sp-preview-tag").Select(t => t.TextContent));
    }

    [Fact]
    public void Instagram_folds_after_about_125_characters_with_more()
    {
        var preview = Render<NetworkPreview>(p => p.Add(c => c.Network, Network.Instagram).Add(c => c.Content, LongText));

        Assert.Equal("… more", preview.Find("button.sp-preview-more").TextContent);
    }

    [Fact]
    public void Instagram_puts_the_image_before_the_caption_with_its_alt_text()
    {
        var media = new[] { new PostMedia(Guid.NewGuid(), "https://cdn.example/a.jpg", MediaType.Image, null, "A lake at dawn") };

        var preview = Render<NetworkPreview>(p => p.Add(c => c.Network, Network.Instagram).Add(c => c.Content, "Hi").Add(c => c.Media, media));

        var image = preview.Find("img.sp-preview-media");
        Assert.Equal("A lake at dawn", image.GetAttribute("alt"));
        Assert.True(preview.Markup.IndexOf("sp-preview-media", StringComparison.Ordinal) < preview.Markup.IndexOf("sp-preview-text", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_post_invites_the_user_to_write()
    {
        var preview = Render<NetworkPreview>(p => p.Add(c => c.Network, Network.LinkedIn));

        Assert.Equal("Your text will appear here.", preview.Find(".sp-preview-empty").TextContent);
    }

    private static IReadOnlyList<PostMedia> Images(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PostMedia(Guid.NewGuid(), $"https://example.test/{i}.jpg", MediaType.Image, AltText: $"Image {i}"))];

    [Fact]
    public void Instagram_shows_several_images_as_a_carousel_one_at_a_time_with_dots()
    {
        var preview = Render<NetworkPreview>(p => p
            .Add(c => c.Network, Network.Instagram).Add(c => c.Content, "Four steps").Add(c => c.Media, Images(4)));

        Assert.Equal("Image 1", preview.Find(".sp-carousel .sp-preview-media").GetAttribute("alt"));
        Assert.Equal(4, preview.FindAll(".sp-dot").Count);
        preview.Find("button.sp-carousel-next").Click();
        preview.Find("button.sp-carousel-next").Click();

        Assert.Equal("Image 3", preview.Find(".sp-carousel .sp-preview-media").GetAttribute("alt"));
        Assert.Equal(2, preview.FindAll(".sp-dot").ToList().FindIndex(d => d.ClassList.Contains("sp-active")));
    }

    [Fact]
    public void LinkedIn_shows_several_images_as_a_grid_of_four_the_last_counting_the_rest_and_the_first_comment_below()
    {
        var preview = Render<NetworkPreview>(p => p
            .Add(c => c.Network, Network.LinkedIn).Add(c => c.Content, "Six photos").Add(c => c.Media, Images(6))
            .Add(c => c.Author, "sami").Add(c => c.FirstComment, "Link in the comments"));

        Assert.Equal(["Image 1", "Image 2", "Image 3", "Image 4"], preview.FindAll(".sp-image-grid img").Select(i => i.GetAttribute("alt")));
        Assert.Equal("+2", preview.Find(".sp-grid-more").TextContent);
        Assert.Equal("sami Link in the comments", preview.Find(".sp-preview-comment").TextContent.Trim());
    }
}
