using System.Globalization;
using SocialPlanner.Localisation;

namespace SocialPlanner.Web.Features.Shared;

/// <summary>Counts said the way a person writes them ("1 item", "3 items", "used once"), never "item(s)"; the numbers
/// and the words follow the page's language.</summary>
public static class Wording
{
    /// <summary>The caller passes both forms already in the page's language (<c>L["Media.ItemOne"]</c>…).</summary>
    public static string Count(int count, string one, string many) =>
        TakesSingular(count) ? $"{count.ToString("N0", CultureInfo.CurrentCulture)} {one}" : $"{count.ToString("N0", CultureInfo.CurrentCulture)} {many}";

    /// <summary>English says "0 posts"; French, like CLDR's plural rules, counts zero as singular ("0 publication").</summary>
    public static bool TakesSingular(int count) =>
        count == 1 || (count == 0 && Languages.FromCultureName(CultureInfo.CurrentUICulture.Name) == Languages.French);

    public static string Uses(int count) => count switch
    {
        0 => ResourceTexts<SharedStrings>.Get("Wording.UsesNone"),
        1 => ResourceTexts<SharedStrings>.Get("Wording.UsesOnce"),
        2 => ResourceTexts<SharedStrings>.Get("Wording.UsesTwice"),
        _ => ResourceTexts<SharedStrings>.Get("Wording.UsesMany", count.ToString("N0", CultureInfo.CurrentCulture)),
    };
}
