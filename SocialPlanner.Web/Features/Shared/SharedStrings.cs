using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Shared;

/// <summary>Marker of the words every page uses (Save, Cancel, network and status names); the texts are in
/// SharedStrings.resx (English) and SharedStrings.fr.resx. Components get it as <c>S</c> (Features/_Imports.razor).</summary>
public sealed class SharedStrings;

/// <summary>The shared words that are named after a value: <c>S.Status(post.Status)</c>, <c>S.Network(post.Platform)</c>.</summary>
public static class SharedWords
{
    public static string Status(this IStringLocalizer<SharedStrings> s, PostStatus status) => s[$"Status.{status}"];

    public static string Network(this IStringLocalizer<SharedStrings> s, PostPlatform platform) => s[$"Network.{platform}"];

    /// <summary>A date and time the way the pages show a post's moment ("Mon 7 Dec, 09:00"), in the page's culture.</summary>
    public static string DayTime(this IStringLocalizer<SharedStrings> s, DateTime local) => local.ToString(s["Format.DayTime"], CultureInfo.CurrentCulture);

    /// <summary>"Home · SocialPlanner": the browser tab's title.</summary>
    public static string PageTitle(this IStringLocalizer<SharedStrings> s, string page) => s["PageTitle", page];
}
