using Bunit;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Tests.Web;

/// <summary>Issue #16 §2/§7: an account shows its picture over its initial, and only a web address is used as one.</summary>
public sealed class AvatarTests : RadzenTestContext
{
    [Fact]
    public void A_picture_covers_the_initial_which_stays_beneath_it()
    {
        var avatar = Render<Avatar>(p => p.Add(c => c.Name, "marie dupont").Add(c => c.PictureUrl, "https://media.example/p/marie.jpg"));

        Assert.StartsWith("M", avatar.Find(".sp-avatar").TextContent, StringComparison.Ordinal);
        var image = avatar.Find(".sp-avatar img");
        Assert.Equal("https://media.example/p/marie.jpg", image.GetAttribute("src"));
        Assert.Equal("", image.GetAttribute("alt"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/svg+xml,<svg/>")]
    [InlineData("/relative/picture.png")]
    public void Without_a_web_address_only_the_initial_is_shown(string? picture)
    {
        var avatar = Render<Avatar>(p => p.Add(c => c.Name, "Léa").Add(c => c.PictureUrl, picture));

        Assert.Empty(avatar.FindAll("img"));
        Assert.Equal("L", avatar.Find(".sp-avatar").TextContent);
    }
}
