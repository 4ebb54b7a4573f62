namespace SocialPlanner.Core.Ai.Composer;

/// <summary>The little French grammar the composer needs to insert a user's words into its sentences: elision,
/// and a noun's gender and number guessed from its ending, since the user's themes ("productivité", "IA",
/// "digital") come without an article and French cannot name them without one.</summary>
public static class FrenchGrammar
{
    private const string Vowels = "aeiouàâäéèêëîïôöùûüœæ";

    /// <summary>Words starting with a mute h take an elided article ("l'humain"); most h words of business French
    /// do, the aspirated ones ("le haut de gamme", "le hasard") are listed out.</summary>
    private static readonly HashSet<string> AspiratedH = new(StringComparer.OrdinalIgnoreCase)
    {
        "haut", "hasard", "hausse", "hiérarchie", "honte", "hors", "hall", "handicap", "hackathon", "hacking", "hashtag", "hashtags",
    };

    /// <summary>Nouns the endings get wrong, and the acronyms and English loan words whose gender usage settled.</summary>
    private static readonly Dictionary<string, bool> KnownFeminine = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ia"] = true, ["vente"] = true, ["image"] = true, ["page"] = true, ["plage"] = true, ["relation"] = true,
        ["service"] = false, ["commerce"] = false, ["e-commerce"] = false, ["site"] = false, ["groupe"] = false, ["monde"] = false,
        ["modèle"] = false, ["style"] = false, ["rôle"] = false, ["bien-être"] = false, ["leadership"] = false, ["contenu"] = false,
        ["digital"] = false, ["numérique"] = false, ["télétravail"] = false, ["budget"] = false, ["podcast"] = false, ["réseau"] = false,
        ["stress"] = false, ["temps"] = false, ["business"] = false, ["process"] = false, ["processus"] = false, ["succès"] = false,
        ["prix"] = false, ["progrès"] = false, ["marketing"] = false, ["seo"] = false, ["crm"] = false, ["ux"] = false, ["design"] = false,
        ["graphisme"] = false, ["personal branding"] = false, ["branding"] = false, ["pricing"] = false, ["coaching"] = false,
        ["management"] = false, ["conseil"] = false, ["yoga"] = false, ["code"] = false, ["logiciel"] = false, ["web"] = false,
        ["manager"] = false, ["client"] = false, ["public"] = false, ["chiffre"] = false, ["livre"] = false, ["espace"] = false,
    };

    /// <summary>Singular nouns ending in s or x, which the plural guess would take for plurals.</summary>
    private static readonly HashSet<string> SingularInS = new(StringComparer.OrdinalIgnoreCase)
    {
        "business", "process", "processus", "succès", "temps", "prix", "progrès", "stress", "bus", "focus", "bonus", "campus",
        "consensus", "corpus", "virus", "ads", "news", "analytics", "sales",
    };

    private static readonly string[] FeminineEndings =
        ["tion", "sion", "té", "ure", "ance", "ence", "ie", "ique", "ette", "ise", "ude", "elle", "esse", "ine", "ée", "ode", "ade", "ale"];

    private static readonly string[] MasculineEndings = ["ment", "age", "isme", "ème", "ing", "eau", "ier", "oir", "ail", "eil", "at"];

    public static bool Elides(string words)
    {
        var first = FirstWord(words);
        return first.Length > 0
            && (Vowels.Contains(char.ToLowerInvariant(first[0]), StringComparison.Ordinal)
                || (char.ToLowerInvariant(first[0]) == 'h' && !AspiratedH.Contains(first)));
    }

    /// <summary>"de" + "IA" → "d'IA", "que" + "elle" → "qu'elle"; before a consonant the words are just joined.</summary>
    public static string Elide(string word, string next) =>
        Elides(next) && word is "de" or "que" or "le" or "la" or "je" or "ne" ? $"{word[..^1]}'{next}" : $"{word} {next}";

    /// <summary>The gender of the phrase's first noun: listed, else read from its ending, else masculine, the French
    /// default for loan words.</summary>
    public static bool IsFeminine(string words)
    {
        if (KnownFeminine.TryGetValue(words, out var listedPhrase))
        {
            return listedPhrase;
        }
        var noun = FirstWord(words);
        if (KnownFeminine.TryGetValue(noun, out var listed))
        {
            return listed;
        }
        var singular = IsPlural(noun) ? noun[..^1] : noun;
        if (MasculineEndings.Any(e => singular.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        return FeminineEndings.Any(e => singular.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || (singular.EndsWith('e') && singular.Length > 3 && !singular.All(char.IsUpper));
    }

    public static bool IsPlural(string words)
    {
        var noun = FirstWord(words);
        return noun.Length > 3 && !SingularInS.Contains(noun) && (noun.EndsWith('s') || noun.EndsWith('x')) && !noun.All(char.IsUpper);
    }

    /// <summary>A phrase the user wrote, its own article read when it has one ("la vente", "l'IA", "les réseaux
    /// sociaux"), a common noun given the definite article it needs, a brand ("LinkedIn") kept bare.</summary>
    public static NounPhrase Phrase(string text)
    {
        var tokens = Tokens.Of(text);
        if (tokens.Count == 0)
        {
            return new NounPhrase(text.Trim());
        }
        var (determiner, feminine, plural, skip) = Article(tokens[0]);
        var words = Tokens.Join(tokens.Skip(skip));
        if (skip > 0 && words.Length > 0)
        {
            return new NounPhrase(Tokens.LowerFirst(words), determiner, feminine ?? IsFeminine(words), plural ?? IsPlural(words));
        }
        return Tokens.IsName(tokens[0])
            ? new NounPhrase(words)
            : new NounPhrase(Tokens.LowerFirst(words), Determiner.Definite, IsFeminine(words), IsPlural(words));
    }

    /// <summary>What a leading article or possessive says about the phrase; possessives ("leur transformation",
    /// "mes clients") become the definite article, since the composer speaks about them, not as their owner.</summary>
    public static (Determiner Determiner, bool? Feminine, bool? Plural, int Skip) Article(string token) => token.ToLowerInvariant() switch
    {
        "le" or "au" or "du" or "mon" or "son" => (Determiner.Definite, false, false, 1),
        "la" or "ma" or "sa" => (Determiner.Definite, true, false, 1),
        "l'" or "l’" or "leur" or "notre" or "votre" => (Determiner.Definite, null, false, 1),
        "les" or "aux" or "mes" or "nos" or "vos" or "ses" or "leurs" or "ces" => (Determiner.Definite, null, true, 1),
        "des" or "de" or "d'" or "d’" => (Determiner.Indefinite, null, true, 1),
        "un" => (Determiner.Indefinite, false, false, 1),
        "une" => (Determiner.Indefinite, true, false, 1),
        _ => (Determiner.None, null, null, 0),
    };

    private static string FirstWord(string words)
    {
        var trimmed = words.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\'', '’']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
