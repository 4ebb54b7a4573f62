using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Small text operations the composers share.</summary>
public static partial class Text
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "before", "every", "their", "there", "these", "those", "which", "while", "would", "could", "should",
        "with", "your", "from", "that", "this", "what", "when", "where", "have", "will", "into", "them", "they", "more", "most",
        "avec", "pour", "dans", "sans", "votre", "vos", "leur", "leurs", "cette", "comme", "mais", "plus", "tout", "tous",
        "toutes", "sont", "être", "avoir", "faire", "chaque", "quand", "comment", "pourquoi", "entre", "aussi", "très",
        "step", "steps", "guide", "étapes", "idée", "idées", "ideas", "post", "posts", "matière", "mettre", "service", "vois",
        "cesse", "real", "project", "projet", "vrai",
    };

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?…".Contains(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    /// <summary>The meaningful words of a text, in order of appearance, without repeats; an elided article is not
    /// part of the word ("l'IA" → "IA").</summary>
    public static List<string> Keywords(string text) =>
        Words().Matches(text).Select(m => Elision().Replace(m.Value, ""))
            .Where(w => w.Length >= 4 && !StopWords.Contains(w) && !w.All(char.IsDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>A hashtag from words: letters and digits only, each word capitalised ("intelligence artificielle" →
    /// "IntelligenceArtificielle").</summary>
    public static string Hashtag(string words) =>
        string.Concat(Words().Matches(words).Select(m => Capitalize(m.Value)));

    public static List<string> Sentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static List<string> Paragraphs(string text) =>
        ParagraphBreak().Split(text.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    public static string JoinParagraphs(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    public static bool IsEmoji(Rune rune) => rune.Value >= 0x1F000 || (rune.Value >= 0x2600 && rune.Value <= 0x27BF);

    public static string WithoutEmojis(string text)
    {
        var kept = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsEmoji(rune) && rune.Value != 0xFE0F)
            {
                kept.Append(rune.ToString());
            }
        }
        return Spaces().Replace(kept.ToString(), " ").Replace(" \n", "\n", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:['’-][\p{L}]+)*")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?:qu|[ljdmtnsc])['’]", RegexOptions.IgnoreCase)]
    private static partial Regex Elision();

    [GeneratedRegex(@"(?<=[.!?…])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
