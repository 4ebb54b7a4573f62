using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;

namespace SocialPlanner.Tests.Publishing;

public sealed class PlatformTextTests
{
    [Fact]
    public void Little_text_escapes_all_fifteen_reserved_characters()
    {
        const string reserved = @"\|{}@[]()<>#*_~";

        var escaped = LittleText.Escape(reserved);

        Assert.Equal(@"\\\|\{\}\@\[\]\(\)\<\>\#\*\_\~", escaped);
        Assert.Equal(30, escaped.Length);
    }

    [Fact]
    public void Little_text_leaves_ordinary_text_alone() =>
        Assert.Equal("Launch day! 50% off, see https:/x.y/z?a=1", LittleText.Escape("Launch day! 50% off, see https:/x.y/z?a=1"));

    [Fact]
    public void Commentary_escapes_the_text_and_adds_missing_hashtags_as_elements()
    {
        var commentary = LittleText.Commentary("Launch day (finally) #release", ["release", "#dotnet"]);

        Assert.Equal("Launch day \\(finally\\) \\#release\n\n{hashtag|\\#|dotnet}", commentary);
    }

    [Fact]
    public void Instagram_caption_appends_only_hashtags_not_already_in_the_text()
    {
        Assert.Equal("Hello #a\n\n#b", PlatformRules.PublishedText("Hello #a", ["a", "b", "B"]));
        Assert.Equal("Hello #ab\n\n#a", PlatformRules.PublishedText("Hello #ab", ["a"]));
    }

    [Fact]
    public void Graph_timestamps_without_a_colon_in_the_offset_parse()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 40, 0, TimeSpan.Zero), GraphTime.Parse("2026-11-24T06:40:00+0000"));
    }

    [Fact]
    public void Reconciliation_matches_caption_within_the_time_window()
    {
        var sent = new DateTimeOffset(2026, 11, 24, 6, 40, 0, TimeSpan.Zero);
        InstagramMedia[] recent =
        [
            new("1", "other", sent, null),
            new("2", "ours", sent.AddHours(-2), null),
            new("3", "ours", sent.AddSeconds(4), "https://instagram.com/p/3"),
        ];

        Assert.Equal("3", InstagramReconciliation.FindMatch(recent, "ours", sent, TimeSpan.FromMinutes(10))?.Id);
        Assert.Null(InstagramReconciliation.FindMatch(recent, "missing", sent, TimeSpan.FromMinutes(10)));
    }
}
