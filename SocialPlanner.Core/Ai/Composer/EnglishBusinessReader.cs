namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Reads an English business sentence: "I help freelance designers price their work", "We train sales
/// teams in Geneva", "I build websites for small businesses", "coaching for freelance designers". A first-person
/// verb is followed by the audience and, for "help"-like verbs, by what the help is about; a noun phrase names the
/// offer before "for".</summary>
public static class EnglishBusinessReader
{
    /// <summary>Verbs whose noun is the offer; the generic ones (help, support) leave it to the rest of the
    /// sentence ("… price their work" → "pricing their work").</summary>
    private static readonly Dictionary<string, string?> ServiceVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = null, ["support"] = null, ["guide"] = null, ["empower"] = null, ["enable"] = null, ["serve"] = null,
        ["coach"] = "coaching", ["train"] = "training", ["teach"] = "teaching", ["mentor"] = "mentoring", ["advise"] = "consulting",
    };

    /// <summary>Verbs whose object is the product: "I build websites" offers "building websites"; "offer" and
    /// "provide" name it directly.</summary>
    private static readonly HashSet<string> MakingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "build", "create", "design", "write", "make", "develop", "produce", "sell", "shoot", "photograph", "run", "organize",
        "organise", "edit", "translate", "manage", "craft", "offer", "provide", "deliver",
    };

    private static readonly Dictionary<string, string> Professions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["coach"] = "coaching", ["consultant"] = "consulting", ["trainer"] = "training", ["designer"] = "design",
        ["photographer"] = "photography", ["developer"] = "development", ["copywriter"] = "copywriting", ["writer"] = "writing",
        ["translator"] = "translation", ["therapist"] = "therapy", ["accountant"] = "accounting", ["mentor"] = "mentoring",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase) { "i", "we", "i'm", "we're", "i’m", "we’re" };

    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "mainly", "mostly", "primarily", "now", "currently", "basically", "really", "actually", "love", "to",
    };

    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "with", "in", "on", "by", "so", "through", "who", "that", "which", "because", "since", "via", "from", "at", "using", "while",
        "and", "or", "but", "as", "into", "across", "for",
    };

    private static readonly string[] ActivityEndings = ["ing", "tion", "ment", "ship", "ism", "ance", "ence", "ogy", "phy", "ics"];

    public static Business Read(List<string> tokens)
    {
        var subject = tokens[0].ToLowerInvariant();
        if (!Subjects.Contains(subject) || tokens.Count < 2)
        {
            return NounPhraseOf(tokens);
        }
        var i = 1;
        if (subject.Contains('\'') || subject.Contains('’') || tokens[i].ToLowerInvariant() is "am" or "are")
        {
            i += subject.Contains('\'') || subject.Contains('’') ? 0 : 1;
            return i < tokens.Count ? NounPhraseOf(tokens[i..]) : Business.Unknown;
        }
        while (i < tokens.Count - 1 && Adverbs.Contains(tokens[i]))
        {
            i++;
        }
        var verb = Singular(tokens[i]);
        i++;
        if (ServiceVerbs.TryGetValue(verb, out var noun))
        {
            var audience = Audience(tokens, ref i);
            var offer = noun is null ? HelpTopic(tokens, i) : new NounPhrase(noun);
            return new Business(audience, offer);
        }
        if (verb.Equals("work", StringComparison.OrdinalIgnoreCase) && i < tokens.Count && tokens[i].Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            i++;
            return new Business(Audience(tokens, ref i), null);
        }
        if (MakingVerbs.Contains(verb) && PhraseUntil(tokens, ref i) is { } product)
        {
            var offer = verb.ToLowerInvariant() is "offer" or "provide" or "deliver" ? product : $"{Gerund(verb)} {product}";
            return new Business(AudienceAfter(tokens, i), new NounPhrase(offer));
        }
        return new Business(AudienceAfter(tokens, i), null);
    }

    /// <summary>"coaching for freelance designers", "a coach for founders", "freelance designers": the offer before
    /// "for", the audience after it, or the audience alone.</summary>
    private static Business NounPhraseOf(List<string> tokens)
    {
        var start = tokens[0].ToLowerInvariant() is "a" or "an" or "the" ? 1 : 0;
        if (start >= tokens.Count)
        {
            return Business.Unknown;
        }
        var forAt = tokens.FindIndex(start, t => t.ToLowerInvariant() is "for" or "helping");
        var offerEnd = forAt < 0 ? tokens.Count : forAt;
        var offerTokens = tokens[start..offerEnd].TakeWhile(t => !Tokens.IsPunctuation(t)).ToList();
        var audience = forAt < 0 ? null : AudienceAfter(tokens, forAt);
        if (offerTokens.Count > 0 && Professions.TryGetValue(offerTokens[^1], out var profession))
        {
            return new Business(audience, new NounPhrase(profession));
        }
        if (audience is null && offerTokens.Any(AudienceWords.Contains) && !IsActivity(offerTokens[0]))
        {
            var i = start;
            return new Business(Audience(tokens, ref i), null);
        }
        var offer = offerTokens.Count > 0 && offerTokens.Any(IsActivity) ? new NounPhrase(Tokens.LowerFirst(Tokens.Join(offerTokens))) : null;
        return new Business(audience, offer);
    }

    /// <summary>Who a verb serves: words up to the last audience noun ("freelance designers" in "… designers price
    /// their work"), a place after it ("in Geneva") included, or up to the next clause.</summary>
    private static NounPhrase? Audience(List<string> tokens, ref int i)
    {
        var start = i;
        var end = start;
        var lastNoun = -1;
        while (end < tokens.Count && end - start < 10 && !Tokens.IsPunctuation(tokens[end]))
        {
            if (AudienceWords.Contains(tokens[end]))
            {
                lastNoun = end;
            }
            else if (lastNoun >= 0 && !IsPlace(tokens, end))
            {
                break;
            }
            else if (lastNoun < 0 && end > start && ClauseStarts.Contains(tokens[end]))
            {
                break;
            }
            end += IsPlace(tokens, end) ? 2 : 1;
        }
        end = Math.Min(end, tokens.Count);
        if (lastNoun < 0 && end == start)
        {
            return null;
        }
        i = end;
        var words = Tokens.Join(tokens[start..end]);
        return new NounPhrase(Possessive(Tokens.LowerFirst(words)), Plural: true);
    }

    /// <summary>What "help" is about: "(to) price their work" → "pricing their work", "with their marketing" →
    /// "their marketing".</summary>
    private static NounPhrase? HelpTopic(List<string> tokens, int i)
    {
        if (i < tokens.Count && tokens[i].Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }
        if (i >= tokens.Count || Tokens.IsPunctuation(tokens[i]))
        {
            return null;
        }
        if (tokens[i].ToLowerInvariant() is "with" or "on")
        {
            i++;
            return i < tokens.Count && PhraseUntil(tokens, ref i) is { } topic ? new NounPhrase(topic) : null;
        }
        if (ClauseStarts.Contains(tokens[i]))
        {
            return null;
        }
        var verb = tokens[i];
        i++;
        var rest = i < tokens.Count ? PhraseUntil(tokens, ref i) : null;
        return new NounPhrase(rest is null ? Gerund(verb) : $"{Gerund(verb)} {rest}");
    }

    private static NounPhrase? AudienceAfter(List<string> tokens, int from)
    {
        var at = tokens.FindIndex(from, t => t.ToLowerInvariant() is "for" or "to" or "helping");
        if (at < 0 || at + 1 >= tokens.Count)
        {
            return null;
        }
        var i = at + 1;
        return Audience(tokens, ref i);
    }

    private static string? PhraseUntil(List<string> tokens, ref int i)
    {
        var start = i;
        while (i < tokens.Count && i - start < 8 && !Tokens.IsPunctuation(tokens[i])
            && !(i > start && ClauseStarts.Contains(tokens[i]) && !tokens[i].Equals("of", StringComparison.OrdinalIgnoreCase)))
        {
            i++;
        }
        return i > start ? Tokens.Join(tokens[start..i]) : null;
    }

    private static bool IsPlace(List<string> tokens, int i) =>
        tokens[i].ToLowerInvariant() is "in" or "from" or "across" && i + 1 < tokens.Count && Tokens.StartsUpper(tokens[i + 1]);

    /// <summary>The user's own people are the reader's: "my clients" → "your clients".</summary>
    private static string Possessive(string words) =>
        words.StartsWith("my ", StringComparison.OrdinalIgnoreCase) || words.StartsWith("our ", StringComparison.OrdinalIgnoreCase)
            ? "your " + words.Split(' ', 2)[1]
            : words;

    private static bool IsActivity(string word) =>
        !AudienceWords.Contains(word)
        && (Professions.ContainsKey(word) || ActivityEndings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || word.ToLowerInvariant() is "design" or "marketing" or "web" or "seo" or "content" or "copy" or "yoga" or "branding" or "strategy");

    private static string Singular(string verb) =>
        verb.Length > 3 && verb.EndsWith('s') && ServiceVerbs.ContainsKey(verb[..^1]) ? verb[..^1]
        : verb.EndsWith("es", StringComparison.OrdinalIgnoreCase) && ServiceVerbs.ContainsKey(verb[..^2]) ? verb[..^2]
        : verb;

    /// <summary>"price" → "pricing", "plan" → "planning", "grow" → "growing".</summary>
    public static string Gerund(string verb)
    {
        var v = verb.ToLowerInvariant();
        const string vowels = "aeiou";
        return v switch
        {
            "be" or "see" or "free" => v + "ing",
            _ when v.EndsWith("ie", StringComparison.Ordinal) => v[..^2] + "ying",
            _ when v.EndsWith("ee", StringComparison.Ordinal) || v.EndsWith("ye", StringComparison.Ordinal) => v + "ing",
            _ when v.EndsWith('e') && v.Length > 2 => v[..^1] + "ing",
            _ when (v.Length == 3 || v is "plan" or "stop" or "ship" or "shop" or "scan" or "drop" or "grab" or "chat" or "swap" or "skip" or "step" or "trim" or "plug" or "spin")
                && !vowels.Contains(v[^1], StringComparison.Ordinal) && vowels.Contains(v[^2], StringComparison.Ordinal)
                && !vowels.Contains(v[^3], StringComparison.Ordinal) && v[^1] is not ('w' or 'x' or 'y') => v + v[^1] + "ing",
            _ => v + "ing",
        };
    }
}
