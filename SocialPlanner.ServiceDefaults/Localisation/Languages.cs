using System.Globalization;

namespace SocialPlanner.Localisation;

/// <summary>The languages the product speaks. A user's language is stored as its two-letter code; the culture that
/// formats dates and numbers follows from it: Swiss French for French (Monday first, 24-hour clock, numbers as ICU
/// writes fr-CH: 1 234,5), British English for English (Monday first, 24-hour clock), because our customers live in
/// Switzerland. Adding a language is adding its code here and a <c>.xx.resx</c> next to every neutral resource file.</summary>
public static class Languages
{
    public const string English = "en";
    public const string French = "fr";

    /// <summary>The neutral resources are English: a missing translation falls back to English, never to a key.</summary>
    public const string Default = English;

    public static readonly IReadOnlyList<string> All = [English, French];

    private static readonly Dictionary<string, CultureInfo> CultureByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        [English] = CultureInfo.GetCultureInfo("en-GB"),
        [French] = CultureInfo.GetCultureInfo("fr-CH"),
    };

    public static bool IsSupported(string? code) => code is not null && CultureByCode.ContainsKey(code);

    /// <summary>The formatting culture of a language (en-GB, fr-CH); the default language's for an unknown code.</summary>
    public static CultureInfo Culture(string? code) =>
        code is not null && CultureByCode.TryGetValue(code, out var culture) ? culture : CultureByCode[Default];

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. All.Select(Culture)];

    /// <summary>The language of a culture name ("fr-CH", "fr", "en-US" → fr, fr, en); null when we do not speak it.</summary>
    public static string? FromCultureName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var code = name.Split('-', '_')[0].Trim();
        return IsSupported(code) ? code.ToLowerInvariant() : null;
    }

    /// <summary>The first language we speak among an <c>Accept-Language</c> header's entries, by quality (parsed by
    /// ASP.NET Core's header parser); null when it names none of ours.</summary>
    public static string? FromAcceptLanguage(IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> entries) =>
        entries
            .Select((entry, index) => (Language: FromCultureName(entry.Value.Value), Quality: entry.Quality ?? 1, Index: index))
            .Where(x => x.Language is not null && x.Quality > 0)
            .OrderByDescending(x => x.Quality).ThenBy(x => x.Index)
            .Select(x => x.Language)
            .FirstOrDefault();
}
