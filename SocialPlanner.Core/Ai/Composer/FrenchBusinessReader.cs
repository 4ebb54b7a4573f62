namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Reads a French business sentence the way people write it in a profile: "Je coache des entrepreneurs
/// tech à Lausanne pour qu'ils vendent mieux", "J'accompagne les PME romandes dans leur transformation digitale",
/// "Coach pour indépendants", "accompagnement tech entrepreneurs". A first-person verb names the offer and is
/// followed by the audience; a noun phrase starts with the offer. Anything else is left unknown.</summary>
public static class FrenchBusinessReader
{
    private static readonly NounPhrase Accompagnement = new("accompagnement", Determiner.Definite);

    /// <summary>Verbs that say the service; for the generic ones (accompagner, aider) the sentence usually says
    /// its subject after the audience ("dans leur transformation digitale"), which is then the better offer.</summary>
    private static readonly (string Stem, NounPhrase Offer, bool Generic)[] ServiceVerbs =
    [
        ("coach", new("coaching", Determiner.Definite), false),
        ("accompagn", Accompagnement, true),
        ("aid", Accompagnement, true),
        ("soutien", Accompagnement, true),
        ("souten", Accompagnement, true),
        ("guid", Accompagnement, true),
        ("form", new("formation", Determiner.Definite, Feminine: true), false),
        ("conseill", new("conseil", Determiner.Definite), false),
        ("enseign", new("enseignement", Determiner.Definite), false),
        ("mentor", new("mentorat", Determiner.Definite), false),
    ];

    /// <summary>Verbs whose object is the product: "je crée des sites web" offers "la création de sites web".</summary>
    private static readonly (string Stem, string Noun, bool Feminine)[] MakingVerbs =
    [
        ("cré", "création", true), ("conçoi", "conception", true), ("concev", "conception", true), ("développ", "développement", false),
        ("réalis", "réalisation", true), ("fabriqu", "fabrication", true), ("vend", "vente", true), ("rédig", "rédaction", true),
        ("écri", "écriture", true), ("tradui", "traduction", true), ("photographi", "photographie", true), ("organis", "organisation", true),
        ("gère", "gestion", true), ("gér", "gestion", true), ("produi", "production", true),
    ];

    private static readonly Dictionary<string, NounPhrase> Professions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["coach"] = new("coaching", Determiner.Definite),
        ["consultant"] = new("conseil", Determiner.Definite),
        ["consultante"] = new("conseil", Determiner.Definite),
        ["formateur"] = new("formation", Determiner.Definite, Feminine: true),
        ["formatrice"] = new("formation", Determiner.Definite, Feminine: true),
        ["graphiste"] = new("graphisme", Determiner.Definite),
        ["designer"] = new("design", Determiner.Definite),
        ["photographe"] = new("photographie", Determiner.Definite, Feminine: true),
        ["développeur"] = new("développement", Determiner.Definite),
        ["développeuse"] = new("développement", Determiner.Definite),
        ["rédacteur"] = new("rédaction", Determiner.Definite, Feminine: true),
        ["rédactrice"] = new("rédaction", Determiner.Definite, Feminine: true),
        ["traducteur"] = new("traduction", Determiner.Definite, Feminine: true),
        ["traductrice"] = new("traduction", Determiner.Definite, Feminine: true),
        ["comptable"] = new("comptabilité", Determiner.Definite, Feminine: true),
        ["thérapeute"] = new("thérapie", Determiner.Definite, Feminine: true),
        ["naturopathe"] = new("naturopathie", Determiner.Definite, Feminine: true),
        ["mentor"] = new("mentorat", Determiner.Definite),
        ["copywriter"] = new("copywriting", Determiner.Definite),
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase) { "je", "j'", "j’", "nous", "on" };

    private static readonly HashSet<string> Being = new(StringComparer.OrdinalIgnoreCase) { "suis", "sommes", "est" };

    /// <summary>Words that end a noun phrase: the next clause starts ("pour qu'ils vendent mieux", "dans leur…").</summary>
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "pour", "afin", "dans", "qui", "que", "qu'", "qu’", "avec", "sur", "vers", "grâce", "depuis", "car", "mais", "lorsqu'",
        "lorsqu’", "quand", "puisqu'", "puisqu’", "via", "par", "chez", "auprès", "tout", "ainsi", "en", "à", "aux", "et", "ou",
    };

    /// <summary>Adjectives French puts before the noun: "jeunes entrepreneurs" stays as it is, while an English-style
    /// modifier moves after it ("tech entrepreneurs" → "entrepreneurs tech").</summary>
    private static readonly HashSet<string> LeadingAdjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "jeune", "jeunes", "petit", "petits", "petite", "petites", "grand", "grands", "grande", "grandes", "nouveau", "nouveaux",
        "nouvelle", "nouvelles", "futur", "futurs", "future", "futures", "bon", "bons", "bonne", "bonnes", "vrai", "vrais", "vraie",
        "vraies", "premier", "premiers", "première", "premières", "autres", "certains", "certaines", "nombreux", "nombreuses",
    };

    private static readonly string[] ActivityEndings = ["ment", "tion", "sion", "ing", "age", "isme", "ie", "ure", "ique", "at"];

    public static Business Read(List<string> tokens)
    {
        var business = Subjects.Contains(tokens[0]) && tokens.Count > 1 ? FirstPerson(tokens) : NounPhraseOf(tokens);
        return business with { Audience = business.Audience ?? AudienceAnywhere(tokens, 0) };
    }

    private static Business FirstPerson(List<string> tokens)
    {
        var i = 1;
        if (Being.Contains(tokens[i]))
        {
            i++;
            if (i < tokens.Count && tokens[i].ToLowerInvariant() is "un" or "une")
            {
                i++;
            }
            return i < tokens.Count ? Profession(tokens, i) : Business.Unknown;
        }
        var verb = tokens[i].ToLowerInvariant();
        i++;
        var service = ServiceVerbs.FirstOrDefault(v => verb.StartsWith(v.Stem, StringComparison.Ordinal));
        if (service.Offer is not null)
        {
            var audience = Audience(tokens, ref i);
            var topic = service.Generic ? Topic(tokens, i) : null;
            return new Business(audience, topic ?? service.Offer);
        }
        var making = MakingVerbs.FirstOrDefault(v => verb.StartsWith(v.Stem, StringComparison.Ordinal));
        if (making.Noun is not null && PhraseUntilClause(tokens, ref i) is { } product)
        {
            return new Business(null, new NounPhrase($"{making.Noun} {product.DeWithoutArticle}", Determiner.Definite, making.Feminine));
        }
        return Business.Unknown;
    }

    /// <summary>"(je suis) coach pour indépendants", "consultante en marketing digital": the profession says the
    /// offer unless an "en …" complement names it more precisely.</summary>
    private static Business Profession(List<string> tokens, int i)
    {
        if (!Professions.TryGetValue(tokens[i], out var offer))
        {
            return Business.Unknown;
        }
        i++;
        if (i + 1 < tokens.Count && tokens[i].Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            i++;
            offer = PhraseUntilClause(tokens, ref i) ?? offer;
        }
        return new Business(AudienceAnywhere(tokens, i), offer);
    }

    /// <summary>A sentence without a verb: the offer first, then whom it is for ("coaching de dirigeants",
    /// "accompagnement tech entrepreneurs", "formation pour les PME"), or only one of the two.</summary>
    private static Business NounPhraseOf(List<string> tokens)
    {
        var skip = FrenchGrammar.Article(tokens[0]).Skip;
        if (skip >= tokens.Count)
        {
            return Business.Unknown;
        }
        if (Professions.ContainsKey(tokens[skip]))
        {
            return Profession(tokens, skip);
        }
        if (!IsActivity(tokens[skip]))
        {
            return Business.Unknown;
        }
        var noun = tokens.FindIndex(skip + 1, AudienceWords.Contains);
        if (noun < 0)
        {
            var end = skip + 1;
            while (end < tokens.Count && !(IsClauseStart(tokens, end) && tokens[end].ToLowerInvariant() is not ("en" or "de")))
            {
                end++;
            }
            return new Business(AudienceAnywhere(tokens, end), FrenchGrammar.Phrase(Tokens.Join(tokens[skip..end])));
        }
        // The audience's leading modifiers ("tech entrepreneurs") and the words joining it to the offer ("des",
        // "pour les") belong to the audience, not to the offer.
        var audienceStart = noun;
        while (audienceStart - 1 > skip && !IsJoining(tokens[audienceStart - 1]))
        {
            audienceStart--;
        }
        var offerEnd = audienceStart;
        while (offerEnd - 1 > skip && IsJoining(tokens[offerEnd - 1]))
        {
            offerEnd--;
        }
        var i = audienceStart;
        var audience = Bare(tokens, ref i);
        var joining = tokens[offerEnd..audienceStart].Select(t => t.ToLowerInvariant()).ToList();
        if (audience is not null && joining.Count > 0)
        {
            // Right after the offer "des" is "de" + "les", the known group ("coaching des dirigeants"); after "pour"
            // it is the indefinite article.
            var (determiner, feminine, plural, _) = joining is ["des"] ? (Determiner.Definite, null, true, 1) : FrenchGrammar.Article(joining[^1]);
            if (determiner != Determiner.None)
            {
                audience = audience with { Determiner = determiner, Feminine = feminine ?? audience.Feminine, Plural = plural ?? true };
            }
        }
        return new Business(audience, FrenchGrammar.Phrase(Tokens.Join(tokens[skip..offerEnd])));
    }

    private static bool IsJoining(string token) =>
        FrenchGrammar.Article(token).Skip > 0 || Tokens.IsElided(token)
        || token.ToLowerInvariant() is "pour" or "auprès" or "chez" or "avec" or "à" or "destination";

    /// <summary>The audience after a verb: its determiner, then words up to the next clause.</summary>
    private static NounPhrase? Audience(List<string> tokens, ref int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }
        var (determiner, feminine, plural, skip) = FrenchGrammar.Article(tokens[i]);
        i += skip;
        var start = i;
        var phrase = Bare(tokens, ref i);
        if (phrase is null || (skip == 0 && !tokens[start..i].Any(AudienceWords.Contains)))
        {
            i = start - skip;
            return null;
        }
        return skip == 0 ? phrase : phrase with
        {
            Determiner = determiner, Feminine = feminine ?? phrase.Feminine, Plural = plural ?? FrenchGrammar.IsPlural(phrase.Words),
        };
    }

    /// <summary>Words with no determiner, read as a group of people ("des entrepreneurs tech"): the audience of
    /// "coaching pour indépendants" is any independent, not a known one.</summary>
    private static NounPhrase? Bare(List<string> tokens, ref int i)
    {
        var start = i;
        while (i < tokens.Count && i - start < 10 && !IsClauseStart(tokens, i))
        {
            i++;
        }
        var words = tokens[start..i];
        while (words.Count > 0 && (words[^1].ToLowerInvariant() is "et" or "de" or "ou" || Tokens.IsElided(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count == 0)
        {
            return null;
        }
        var noun = words.FindIndex(AudienceWords.Contains);
        if (noun > 0 && words.Take(noun).All(w => !LeadingAdjectives.Contains(w) && FrenchGrammar.Article(w).Skip == 0))
        {
            words = [.. words.Skip(noun).TakeWhile(AudienceWords.Contains), .. words.Take(noun), .. words.Skip(noun).SkipWhile(AudienceWords.Contains)];
        }
        var text = Tokens.LowerFirst(Tokens.Join(words));
        return new NounPhrase(text, Determiner.Indefinite, FrenchGrammar.IsFeminine(text), Plural: true);
    }

    /// <summary>"dans leur transformation digitale", "sur leur stratégie", "en marketing digital": what a generic
    /// service (accompagner, aider) is about.</summary>
    private static NounPhrase? Topic(List<string> tokens, int from)
    {
        for (var i = from; i + 1 < tokens.Count; i++)
        {
            var word = tokens[i].ToLowerInvariant();
            var next = i + 1;
            var introduces = word is "dans" or "sur" or "vers" or "pour" or "côté"
                ? FrenchGrammar.Article(tokens[next]).Skip > 0 && FrenchGrammar.Article(tokens[next]).Determiner == Determiner.Definite
                : word == "en" && !Tokens.StartsUpper(tokens[next]);
            if (introduces && PhraseUntilClause(tokens, ref next) is { } topic)
            {
                return topic;
            }
        }
        return null;
    }

    /// <summary>A noun phrase with the determiner it was written with, up to the next clause.</summary>
    private static NounPhrase? PhraseUntilClause(List<string> tokens, ref int i)
    {
        var start = i;
        var (_, _, _, skip) = FrenchGrammar.Article(tokens[i]);
        i += skip;
        while (i < tokens.Count && i - start < 8 && !IsClauseStart(tokens, i))
        {
            i++;
        }
        return i > start + skip ? FrenchGrammar.Phrase(Tokens.Join(tokens[start..i])) : null;
    }

    /// <summary>Where nothing else found the audience: the first "pour …", "auprès de …", "avec …" that names
    /// people, or the first word that does.</summary>
    private static NounPhrase? AudienceAnywhere(List<string> tokens, int from)
    {
        for (var i = from; i < tokens.Count - 1; i++)
        {
            var word = tokens[i].ToLowerInvariant();
            if (word is not ("pour" or "auprès" or "avec" or "chez"))
            {
                continue;
            }
            var j = i + 1;
            var next = tokens[j].ToLowerInvariant();
            if (word == "auprès" && next is "de" or "d'" or "d’" or "des")
            {
                j++;
            }
            if (Audience(tokens, ref j) is { } audience)
            {
                // "auprès des PME" is "de" + "les PME".
                return word == "auprès" && next == "des" ? audience with { Determiner = Determiner.Definite } : audience;
            }
        }
        var first = tokens.FindIndex(from, AudienceWords.Contains);
        if (first < 0)
        {
            return null;
        }
        var start = first > from && FrenchGrammar.Article(tokens[first - 1]).Skip > 0 ? first - 1 : first;
        return Audience(tokens, ref start);
    }

    private static bool IsClauseStart(List<string> tokens, int i)
    {
        var word = tokens[i].ToLowerInvariant();
        if (Tokens.IsPunctuation(word))
        {
            return true;
        }
        var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
        return word switch
        {
            // "à Lausanne", "en Suisse romande" place the audience; "à trouver", "en les aidant" start a clause.
            "à" or "en" => !Tokens.StartsUpper(next),
            "et" or "ou" => Subjects.Contains(next) || next.ToLowerInvariant() is "leur" or "leurs" or "les" && i + 2 < tokens.Count && !AudienceWords.Contains(tokens[i + 2]),
            _ => ClauseStarts.Contains(word),
        };
    }

    private static bool IsActivity(string word) =>
        !AudienceWords.Contains(word)
        && (ActivityEndings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || word.ToLowerInvariant() is "conseil" or "design" or "marketing" or "coaching" or "mentorat" or "yoga" or "web");
}
