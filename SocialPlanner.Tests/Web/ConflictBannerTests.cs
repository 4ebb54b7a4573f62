using Bunit;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

public sealed class ConflictBannerTests : RadzenTestContext
{
    [Fact]
    public void Without_a_conflict_nothing_is_shown()
    {
        var banner = Render<ConflictBanner>(p => p.Add(c => c.Visible, false));

        Assert.Empty(banner.Markup.Trim());
    }

    [Fact]
    public void A_conflict_says_what_happened_and_when_the_other_version_was_saved()
    {
        var banner = Render<ConflictBanner>(p => p.Add(c => c.Visible, true).Add(c => c.TheirsSavedAt, new DateTime(2026, 1, 10, 14, 5, 0)));

        Assert.Contains("This post was changed somewhere else", banner.Markup);
        Assert.Contains("at 14:05", banner.Markup);
        Assert.Equal("alert", banner.Find("[role=alert]").GetAttribute("role"));
    }

    [Fact]
    public void Reload_theirs_and_keep_mine_call_back_the_editor()
    {
        var reloaded = 0;
        var kept = 0;
        var banner = Render<ConflictBanner>(p => p
            .Add(c => c.Visible, true)
            .Add(c => c.OnReloadTheirs, () => reloaded++)
            .Add(c => c.OnKeepMine, () => kept++));

        banner.FindAll("button").Single(b => b.TextContent.Contains("Reload theirs", StringComparison.Ordinal)).Click();
        banner.FindAll("button").Single(b => b.TextContent.Contains("Keep mine (overwrite)", StringComparison.Ordinal)).Click();

        Assert.Equal((1, 1), (reloaded, kept));
    }
}
