using System.Globalization;
using System.Text.Json;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Localisation;

/// <summary>A stored text in each language the app spoke when it was written, as a JSON object keyed by language code
/// (<c>{"en": "…", "fr": "…"}</c>, a <c>jsonb</c> column beside the English one). Read back in the reader's language,
/// else the English column: rows written before a language existed still read.</summary>
public static class Translations
{
    public static string Serialize(IReadOnlyDictionary<string, string> byLanguage) => JsonSerializer.Serialize(byLanguage);

    /// <summary>The text in the current UI culture's language when <paramref name="translations"/> has it, else
    /// <paramref name="english"/>.</summary>
    public static string? Pick(string? translations, string? english) =>
        Pick(translations, english, Languages.FromCultureName(CultureInfo.CurrentUICulture.Name) ?? Languages.Default);

    public static string? Pick(string? translations, string? english, string language)
    {
        if (translations is null || english is null)
        {
            return english;
        }
        return Parse(translations).TryGetValue(language, out var text) ? text : english;
    }

    public static IReadOnlyDictionary<string, string> Parse(string? translations) =>
        translations is null ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(translations) ?? [];
}
