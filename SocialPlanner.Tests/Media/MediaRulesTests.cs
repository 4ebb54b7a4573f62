using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Tests.Media;

public class MediaRulesTests
{
    private static MediaFacts Image(int width, int height) => new(MediaType.Image, width, height);

    [Theory]
    [InlineData(800, 1000)]
    [InlineData(1080, 1350)]
    [InlineData(1000, 1000)]
    [InlineData(1910, 1000)]
    [InlineData(1440, 754)]
    public void Instagram_takes_aspect_ratios_from_4_5_to_1_91_both_included(int width, int height) =>
        Assert.Empty(MediaRules.Violations(PostPlatform.Instagram, [Image(width, height)]));

    [Theory]
    [InlineData(799, 1000)]
    [InlineData(1911, 1000)]
    [InlineData(1000, 2000)]
    public void Instagram_refuses_aspect_ratios_outside_4_5_to_1_91_naming_the_rule(int width, int height)
    {
        var violation = Assert.Single(MediaRules.Violations(PostPlatform.Instagram, [Image(width, height)]));

        Assert.Contains("aspect ratio between 4:5 (0.8) and 1.91:1", violation);
        Assert.Contains($"{width} × {height}", violation);
    }

    [Fact]
    public void LinkedIn_has_no_aspect_ratio_rule() =>
        Assert.Empty(MediaRules.Violations(PostPlatform.Linkedin, [Image(3000, 1000)]));

    [Theory]
    [InlineData(PostPlatform.Instagram)]
    [InlineData(PostPlatform.Both)]
    public void Instagram_posts_need_at_least_one_image(PostPlatform platform)
    {
        Assert.Contains("Instagram posts need at least one image", MediaRules.Violations(platform, []));
        Assert.Contains("Instagram posts need at least one image",
            MediaRules.Violations(platform, [new MediaFacts(MediaType.Video, 1080, 1080)]));
    }

    [Fact]
    public void Instagram_images_narrower_than_320_px_are_refused()
    {
        var violation = Assert.Single(MediaRules.Violations(PostPlatform.Instagram, [Image(319, 319)]));

        Assert.Contains("at least 320 px wide", violation);
    }

    [Fact]
    public void The_rule_names_which_image_breaks_it()
    {
        var violation = Assert.Single(MediaRules.Violations(PostPlatform.Both, [Image(1080, 1080), Image(500, 1000)]));

        Assert.Contains("image 2", violation);
    }

    [Fact]
    public void A_post_has_at_most_ten_media()
    {
        Assert.Empty(MediaRules.Violations(PostPlatform.Linkedin, Enumerable.Repeat(Image(100, 100), 10).ToList()));
        Assert.Contains("at most 10 media",
            Assert.Single(MediaRules.Violations(PostPlatform.Linkedin, Enumerable.Repeat(Image(100, 100), 11).ToList())));
    }

    [Fact]
    public void Images_of_unknown_size_are_not_judged() =>
        Assert.Empty(MediaRules.Violations(PostPlatform.Instagram, [new MediaFacts(MediaType.Image, null, null)]));
}
