using System.Globalization;
using System.Resources;

namespace SocialPlanner.Localisation;

/// <summary>A resource file's texts for code that has no injected localizer (static rules, exceptions, value objects):
/// the same resources as <c>IStringLocalizer&lt;TMarker&gt;</c>, read in the current UI culture — the request's or
/// circuit's in the Api and the Web, the process's (English) in the Worker, so what the Worker stores stays English.</summary>
public static class ResourceTexts<TMarker>
{
    private static readonly ResourceManager Resources = new(typeof(TMarker));

    /// <summary>The text of <paramref name="key"/>, with <paramref name="values"/> put in its placeholders (numbers and
    /// dates in the current culture); the key itself if no resource has it.</summary>
    public static string Get(string key, params object?[] values)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return values.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, values);
    }
}
