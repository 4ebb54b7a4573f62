namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Variants of an existing post, each doing what its type says (shorter is shorter, with_cta ends with a
/// call to action…), in the post's language and within the platform's limit.</summary>
public static class VariantComposer
{
    private static readonly string[] Emojis = ["💡", "✅", "🚀", "📌", "🎯", "🔥", "👉", "✨"];

    public static VariantsAnswer Compose(VariantsBrief brief)
    {
        var language = LanguageDetector.Detect(brief.Content);
        var phrases = Phrases.For(language);
        var random = Seed.For(AiJson.Serialize(brief));
        var paragraphs = Text.Paragraphs(brief.Content);
        var topic = Topic(paragraphs);
        var variants = brief.Variations
            .Select(type => new VariantDraft(type, Fit(brief.Platform, Write(type, brief.Content, paragraphs, topic, phrases, random, brief.Platform))))
            .ToList();
        return new VariantsAnswer(variants);
    }

    private static string Write(string type, string original, List<string> paragraphs, string topic, Phrases phrases, Random random, AiPlatform platform) => type switch
    {
        VariationTypes.Shorter => Shorter(original, paragraphs),
        VariationTypes.Longer => Text.JoinParagraphs([.. paragraphs.SkipLast(1), phrases.LongerParagraph, .. paragraphs.TakeLast(1)]),
        VariationTypes.MoreCasual => Text.JoinParagraphs([phrases.CasualOpener, Casual(original, phrases), phrases.CasualCloser]),
        VariationTypes.MoreProfessional => Text.JoinParagraphs([Formal(original, phrases), phrases.KeyTakeaway.Replace("{topic}", topic, StringComparison.Ordinal)]),
        VariationTypes.WithCta => Text.JoinParagraphs([.. WithoutClosingQuestion(paragraphs), "👉 " + random.Pick(phrases.Ctas[platform])]),
        VariationTypes.WithQuestion => Text.JoinParagraphs([phrases.QuestionOpener.Replace("{Topic}", Text.Capitalize(topic), StringComparison.Ordinal), .. paragraphs]),
        VariationTypes.WithEmojis => Text.JoinParagraphs(paragraphs.Select((p, i) => $"{Emojis[(i + random.Next(Emojis.Length)) % Emojis.Length]} {p}")),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown variation type."),
    };

    /// <summary>The hook and the first sentence of each following paragraph, at most three: always fewer characters
    /// than the original, since a one-paragraph post loses its later sentences or words instead.</summary>
    private static string Shorter(string original, List<string> paragraphs)
    {
        var kept = paragraphs.Take(1).Concat(paragraphs.Skip(1).Select(p => Text.Sentences(p).FirstOrDefault() ?? p)).Take(3).ToList();
        var candidate = Text.JoinParagraphs(kept);
        if (AiLimits.CharacterCount(candidate) < AiLimits.CharacterCount(original) * 0.8)
        {
            return candidate;
        }
        var sentences = Text.Sentences(original);
        if (sentences.Count > 1)
        {
            return string.Join(' ', sentences.Take(Math.Max(1, sentences.Count / 2)));
        }
        var words = original.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? string.Join(' ', words.Take(Math.Max(1, words.Length * 2 / 3))) + "…" : original[..Math.Max(1, original.Length / 2)] + "…";
    }

    private static string Casual(string text, Phrases phrases) =>
        phrases.CasualSwaps.Aggregate(text, (current, swap) => current.Replace(swap.Formal, swap.Casual, StringComparison.Ordinal));

    private static string Formal(string text, Phrases phrases) =>
        phrases.CasualSwaps.Where(s => s.Casual.Contains('\'', StringComparison.Ordinal))
            .Aggregate(Text.WithoutEmojis(text), (current, swap) => current.Replace(swap.Casual, swap.Formal, StringComparison.Ordinal))
            .Replace(" !", ".", StringComparison.Ordinal).Replace("!", ".", StringComparison.Ordinal);

    /// <summary>A closing question is the original's own call to action; the explicit one replaces it.</summary>
    private static IEnumerable<string> WithoutClosingQuestion(List<string> paragraphs) =>
        paragraphs.Count > 1 && paragraphs[^1].TrimEnd().EndsWith('?') ? paragraphs.SkipLast(1) : paragraphs;

    /// <summary>What the post is about, for the phrases that name it: its first line without emojis or end mark.</summary>
    private static string Topic(List<string> paragraphs)
    {
        var first = Text.WithoutEmojis(paragraphs.FirstOrDefault() ?? "").Split('\n')[0].Trim().TrimEnd('.', '!', '?', ':', '…');
        var sentence = Text.Sentences(first).FirstOrDefault() ?? first;
        return Text.Lower(sentence.TrimEnd('.', '!', '?', ':', '…'));
    }

    /// <summary>Additions must not push a long post over the limit: its middle paragraphs go first.</summary>
    private static string Fit(AiPlatform platform, string content)
    {
        var paragraphs = Text.Paragraphs(content);
        while (!AiLimits.Fits(platform, Text.JoinParagraphs(paragraphs), []) && paragraphs.Count > 2)
        {
            paragraphs.RemoveAt(paragraphs.Count / 2);
        }
        var fitted = Text.JoinParagraphs(paragraphs);
        while (!AiLimits.Fits(platform, fitted, []))
        {
            fitted = fitted[..(fitted.Length * 9 / 10)].TrimEnd() + "…";
        }
        return fitted;
    }
}
