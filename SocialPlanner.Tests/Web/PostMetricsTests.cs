using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

public sealed class PostMetricsTests
{
    [Fact]
    public void Hashtags_already_in_the_text_are_not_appended_twice()
    {
        var text = PostMetrics.PublishedText("Plan your week #Productivity", ["productivity", "#AI"]);

        Assert.Equal("Plan your week #Productivity\n\n#AI", text);
    }

    [Fact]
    public void An_emoji_counts_as_one_character_like_the_networks_count_it()
    {
        Assert.Equal(3, PostMetrics.CharacterCount("a👍🏽b"));
    }

    [Fact]
    public void Hashtags_are_counted_once_across_the_text_and_the_list_ignoring_case()
    {
        Assert.Equal(3, PostMetrics.HashtagCount("#IA and #tech", ["ia", "Growth", "TECH"]));
    }

    [Fact]
    public void Typed_hashtags_are_cleaned_whatever_the_separators()
    {
        Assert.Equal(["IA", "Tech", "productivité"], PostMetrics.ParseHashtags("IA, #Tech  #productivité #ia"));
    }

    [Fact]
    public void A_LinkedIn_post_of_3001_characters_is_over_the_limit_and_3000_is_not()
    {
        Assert.True(PostMetrics.Measure(Network.LinkedIn, new string('a', 3_001), []).IsOverCharacters);
        Assert.True(PostMetrics.Measure(Network.LinkedIn, new string('a', 3_000), []).IsWithinLimits);
    }

    [Fact]
    public void An_Instagram_caption_counts_the_appended_hashtags_against_2200_characters()
    {
        var metrics = PostMetrics.Measure(Network.Instagram, new string('a', 2_195), ["abcd"]);

        Assert.Equal(2_195 + 2 + 5, metrics.Characters);
        Assert.True(metrics.IsOverCharacters);
    }

    [Fact]
    public void Both_platforms_are_measured_for_a_post_published_on_both()
    {
        Assert.Equal([Network.LinkedIn, Network.Instagram], PostMetrics.NetworksOf(PostPlatform.Both));
    }

    [Fact]
    public void A_long_text_folds_at_a_word_within_the_budget()
    {
        var folded = PostPreview.Fold("one two three four five", 12, 3);

        Assert.Equal("one two", folded);
    }

    [Fact]
    public void A_text_folds_after_its_line_budget_even_when_short()
    {
        Assert.Equal("a\nb\nc", PostPreview.Fold("a\nb\nc\nd", 210, 3));
    }

    [Fact]
    public void Preview_segments_mark_hashtags()
    {
        var segments = PostPreview.Segments("Hello #World!");

        Assert.Equal([new PreviewSegment("Hello ", false), new PreviewSegment("#World", true), new PreviewSegment("!", false)], segments);
    }
}
