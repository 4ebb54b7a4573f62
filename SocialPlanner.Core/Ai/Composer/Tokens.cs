using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Ai.Composer;

/// <summary>A sentence cut into words and punctuation for <see cref="Business.Read"/>: French elided words stand
/// apart ("j'" "accompagne", "l'" "IA") so they read like the full word they shorten.</summary>
public static partial class Tokens
{
    /// <summary>Brands and platforms: names that keep their capital and take no article.</summary>
    private static readonly HashSet<string> Brands = new(StringComparer.OrdinalIgnoreCase)
    {
        "instagram", "linkedin", "facebook", "tiktok", "youtube", "pinterest", "twitter", "canva", "notion", "chatgpt", "excel",
        "google", "shopify", "wordpress", "wix", "slack", "threads", "substack", "midjourney", "figma", "hubspot", "airbnb",
    };

    public static List<string> Of(string text) => Token().Matches(text).Select(m => m.Value).ToList();

    /// <summary>Words back into text, an elided word glued to the next one ("l'" + "IA" → "l'IA").</summary>
    public static string Join(IEnumerable<string> tokens)
    {
        var text = "";
        foreach (var token in tokens)
        {
            text += text.Length == 0 || text.EndsWith('\'') || text.EndsWith('’') || IsPunctuation(token) ? token : " " + token;
        }
        return text;
    }

    public static bool IsPunctuation(string token) => token.Length == 1 && !char.IsLetterOrDigit(token[0]);

    public static bool IsElided(string token) => token.EndsWith('\'') || token.EndsWith('’');

    /// <summary>A brand takes no article and keeps its capital: a known one, or a word mixing capitals into lower
    /// case ("LinkedIn", "ChatGPT"). Acronyms ("IA", "SEO") are common nouns with an article.</summary>
    public static bool IsName(string word) => Brands.Contains(word) || (word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower));

    /// <summary>The user's capital at the start of their sentence means nothing mid-sentence; a brand's or an
    /// acronym's does ("PME", "IA").</summary>
    public static string LowerFirst(string words)
    {
        var first = words.Split(' ', 2)[0];
        return words.Length == 0 || IsName(first) || first.Skip(1).Any(char.IsUpper) || !char.IsUpper(words[0])
            ? words
            : char.ToLower(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    public static bool StartsUpper(string word) => word.Length > 0 && char.IsUpper(word[0]);

    [GeneratedRegex(@"(?:qu|lorsqu|puisqu|jusqu|[ljdmtnsc])['’](?=\p{L})|[\p{L}\p{Nd}]+(?:[-'’&][\p{L}\p{Nd}]+)*|[^\s\p{L}\p{Nd}]", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
