using Bunit;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

public sealed class LimitCounterTests : RadzenTestContext
{
    [Fact]
    public void Within_the_limits_the_counter_shows_characters_and_hashtags_used()
    {
        var counter = Render<LimitCounter>(p => p.Add(c => c.Metrics, PostMetrics.Measure(Network.Instagram, "Hello #sun", ["sea"])));

        Assert.Equal("16 / 2,200 characters", counter.Find(".sp-count-characters").TextContent);
        Assert.Equal("2 / 30 hashtags", counter.Find(".sp-count-hashtags").TextContent);
        Assert.DoesNotContain("sp-over", counter.Find(".sp-counter").ClassName);
    }

    [Fact]
    public void Thirty_one_hashtags_on_Instagram_are_flagged_with_how_many_too_many()
    {
        var tags = Enumerable.Range(1, 31).Select(i => $"tag{i}").ToList();

        var counter = Render<LimitCounter>(p => p.Add(c => c.Metrics, PostMetrics.Measure(Network.Instagram, "Sunny day", tags)));

        Assert.Contains("sp-over", counter.Find(".sp-count-hashtags").ClassName);
        Assert.Contains("1 too many hashtags", counter.Markup);
    }

    [Fact]
    public void LinkedIn_has_no_hashtag_limit_but_flags_characters_over_3000()
    {
        var tags = Enumerable.Range(1, 40).Select(i => $"t{i}").ToList();

        var counter = Render<LimitCounter>(p => p.Add(c => c.Metrics, PostMetrics.Measure(Network.LinkedIn, new string('x', 3_010), tags)));

        Assert.Equal("40 hashtags", counter.Find(".sp-count-hashtags").TextContent);
        Assert.DoesNotContain("sp-over", counter.Find(".sp-count-hashtags").ClassName);
        Assert.Contains("sp-over", counter.Find(".sp-count-characters").ClassName);
        Assert.Contains("too many characters", counter.Markup);
    }
}
