using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Tests.Rules;

public class PlatformRulesTests
{
    private static IReadOnlyList<string> Check(PostPlatform platform, string content, params string[] hashtags) =>
        PlatformRules.Violations(platform, content, hashtags, [new MediaFacts(MediaType.Image, 1080, 1080)]);

    [Fact]
    public void A_LinkedIn_post_of_3000_characters_is_accepted() =>
        Assert.Empty(Check(PostPlatform.Linkedin, new string('a', 3_000)));

    [Fact]
    public void A_LinkedIn_post_over_3000_characters_is_rejected_naming_the_rule() =>
        Assert.Equal("LinkedIn posts are limited to 3,000 characters (this one has 3,001)", Assert.Single(Check(PostPlatform.Linkedin, new string('a', 3_001))));

    [Fact]
    public void An_Instagram_caption_over_2200_characters_is_rejected_naming_the_rule() =>
        Assert.Equal("Instagram captions are limited to 2,200 characters (this one has 2,315)", Assert.Single(Check(PostPlatform.Instagram, new string('a', 2_315))));

    [Fact]
    public void Appended_hashtags_count_towards_the_caption_length() =>
        Assert.Single(Check(PostPlatform.Instagram, new string('a', 2_195), "longtag"));

    [Fact]
    public void A_post_for_both_platforms_must_satisfy_both() =>
        Assert.Contains(Check(PostPlatform.Both, new string('a', 2_500)), v => v.StartsWith("Instagram", StringComparison.Ordinal));

    [Fact]
    public void Instagram_allows_30_hashtags_counting_the_list_and_the_text_once_each()
    {
        var inText = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"#tag{i}"));
        var list = Enumerable.Range(10, 20).Select(i => $"TAG{i}").ToArray();
        Assert.Equal(30, PlatformRules.HashtagCount(inText, list));
        Assert.Empty(Check(PostPlatform.Instagram, inText, list));
        Assert.Equal("Instagram captions are limited to 30 hashtags (this one has 31)", Assert.Single(Check(PostPlatform.Instagram, inText, [.. list, "extra"])));
    }

    [Fact]
    public void LinkedIn_has_no_hashtag_limit() =>
        Assert.Empty(Check(PostPlatform.Linkedin, "hello", Enumerable.Range(0, 40).Select(i => $"t{i}").ToArray()));

    [Fact]
    public void An_emoji_counts_as_one_character() => Assert.Equal(3, PlatformRules.CharacterCount("a👍b"));

    [Fact]
    public void The_published_text_appends_only_hashtags_not_already_written() =>
        Assert.Equal("Hello #Tech\n\n#News", PlatformRules.PublishedText("Hello #Tech", ["tech", "News"]));
}
