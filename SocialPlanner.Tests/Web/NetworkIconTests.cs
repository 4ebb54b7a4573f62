using Bunit;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #16 §6: networks are shown as named icons, not "in"/"ig".</summary>
public sealed class NetworkIconTests : RadzenTestContext
{
    [Theory]
    [InlineData(PostPlatform.Linkedin, new[] { "LinkedIn" })]
    [InlineData(PostPlatform.Instagram, new[] { "Instagram" })]
    [InlineData(PostPlatform.Both, new[] { "LinkedIn", "Instagram" })]
    public void Each_network_of_a_post_is_an_icon_named_for_assistive_tech(PostPlatform platform, string[] names)
    {
        var icon = Render<NetworkIcon>(p => p.Add(c => c.Platform, platform));

        var icons = icon.FindAll("svg[role=img]");
        Assert.Equal(names, icons.Select(i => i.GetAttribute("aria-label")));
    }
}
