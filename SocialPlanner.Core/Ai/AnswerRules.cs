using System.Text.Json;

namespace SocialPlanner.Core.Ai;

/// <summary>A parsed answer that passed the rules (possibly tidied), or why it did not.</summary>
public readonly record struct Checked<T>(T? Value, string? Problem) where T : class
{
    public static Checked<T> Valid(T value) => new(value, null);

    public static Checked<T> Invalid(string problem) => new(null, problem);
}

/// <summary>What a model's answer must satisfy before we use it. Only harmless tidying happens here (trimming,
/// dropping extra items, '#' prefixes, duplicate or surplus hashtags); anything else is a bad answer, which the
/// generator retries once and then reports as a bad gateway.</summary>
public static class AnswerRules
{
    public static Checked<T> Parse<T>(string text) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(StripCodeFence(text), AiJson.Options) is { } value
                ? Checked<T>.Valid(value)
                : Checked<T>.Invalid("The model answered null instead of a JSON object");
        }
        catch (JsonException e)
        {
            return Checked<T>.Invalid($"The model's answer is not valid JSON for the contract: {e.Message}");
        }
    }

    public static Checked<IdeasAnswer> Ideas(IdeasAnswer answer, IdeasBrief brief)
    {
        var ideas = answer.Ideas ?? [];
        if (ideas.Count < brief.Count)
        {
            return Checked<IdeasAnswer>.Invalid($"Asked for {brief.Count} ideas, the model returned {ideas.Count}");
        }
        var kept = ideas.Take(brief.Count)
            .Select(i => i with { Title = (i.Title ?? "").Trim(), Description = (i.Description ?? "").Trim() })
            .ToList();
        var blank = kept.FindIndex(i => i.Title.Length == 0 || i.Description.Length == 0);
        return blank >= 0
            ? Checked<IdeasAnswer>.Invalid($"Idea {blank + 1} has an empty title or description")
            : Checked<IdeasAnswer>.Valid(new IdeasAnswer(kept));
    }

    public static Checked<PostAnswer> Post(PostAnswer answer, PostBrief brief)
    {
        var content = (answer.Content ?? "").Trim();
        if (content.Length == 0)
        {
            return Checked<PostAnswer>.Invalid("The post's content is empty");
        }
        var hashtags = Hashtags(answer.Hashtags ?? []);
        if (brief.Platform == AiPlatform.Instagram && hashtags.Count > AiLimits.InstagramMaxHashtags)
        {
            hashtags = hashtags.Take(AiLimits.InstagramMaxHashtags).ToList();
        }
        // Dropping trailing hashtags keeps the post whole; cutting the content would break a sentence.
        while (hashtags.Count > 0 && !AiLimits.Fits(brief.Platform, content, hashtags))
        {
            hashtags.RemoveAt(hashtags.Count - 1);
        }
        return AiLimits.Fits(brief.Platform, content, hashtags)
            ? Checked<PostAnswer>.Valid(new PostAnswer(content, hashtags))
            : Checked<PostAnswer>.Invalid(
                $"The post has {AiLimits.CharacterCount(content)} characters, over the limit of {AiLimits.MaxCharacters(brief.Platform)}");
    }

    /// <summary>Variants come back in the order asked; each is labelled with the variation requested at its
    /// position (a model's own label is not trusted).</summary>
    public static Checked<VariantsAnswer> Variants(VariantsAnswer answer, VariantsBrief brief)
    {
        var variants = answer.Variants ?? [];
        if (variants.Count < brief.Variations.Count)
        {
            return Checked<VariantsAnswer>.Invalid($"Asked for {brief.Variations.Count} variants, the model returned {variants.Count}");
        }
        var kept = new List<VariantDraft>();
        var original = Normalize(brief.Content);
        for (var i = 0; i < brief.Variations.Count; i++)
        {
            var type = brief.Variations[i];
            var content = (variants[i].Content ?? "").Trim();
            var problem = content.Length == 0 ? "is empty"
                : Normalize(content) == original ? "is identical to the original"
                : !AiLimits.Fits(brief.Platform, content, []) ? $"is over the limit of {AiLimits.MaxCharacters(brief.Platform)} characters"
                : type == VariationTypes.Shorter && AiLimits.CharacterCount(content) >= AiLimits.CharacterCount(brief.Content) ? "is not shorter than the original"
                : null;
            if (problem is not null)
            {
                return Checked<VariantsAnswer>.Invalid($"Variant {i + 1} ({type}) {problem}");
            }
            kept.Add(new VariantDraft(type, content));
        }
        return Checked<VariantsAnswer>.Valid(new VariantsAnswer(kept));
    }

    /// <summary>Hashtags as stored: no '#', no spaces, no duplicates (case-insensitive), order kept.</summary>
    public static List<string> Hashtags(IEnumerable<string> raw) =>
        raw.Select(h => string.Concat((h ?? "").Where(c => !char.IsWhiteSpace(c))).TrimStart('#'))
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Some OpenAI-compatible servers wrap JSON in a Markdown code fence even in JSON mode.</summary>
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }
        var start = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end] : trimmed;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
