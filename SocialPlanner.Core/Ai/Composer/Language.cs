using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Ai.Composer;

public enum Language { English, French }

/// <summary>Which language the user writes in, from the words they use: the composer answers in it.</summary>
public static partial class LanguageDetector
{
    private static readonly HashSet<string> French = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "des", "du", "un", "une", "et", "pour", "avec", "dans", "sur", "est", "sont", "vos", "votre",
        "nos", "notre", "qui", "que", "pas", "plus", "comment", "entrepreneurs", "accompagnement", "idées", "outils", "très",
        "je", "nous", "leur", "leurs", "aux", "au", "en", "de", "chez", "auprès",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "your", "is", "are", "to", "of", "you", "how", "what", "this", "that", "in", "on", "my",
        "I", "we", "help", "their", "our", "who",
    };

    public static Language Detect(params string[] texts)
    {
        var words = Words().Matches(string.Join(' ', texts)).Select(m => m.Value).ToList();
        var french = words.Count(French.Contains) + words.Count(w => w.Any(c => "éèêàâçùûôîœ".Contains(char.ToLowerInvariant(c))));
        var english = words.Count(English.Contains);
        return french > english ? Language.French : Language.English;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
