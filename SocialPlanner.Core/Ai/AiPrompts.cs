using System.Text.Json;
using Microsoft.Extensions.AI;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Ai;

/// <summary>A ready request: the messages, the JSON schema the answer must follow, and the text we audit.</summary>
public sealed record AiPrompt(GenerationType Type, IReadOnlyList<ChatMessage> Messages, ChatResponseFormat Format)
{
    public string Text => string.Join("\n\n", Messages.Select(m => $"[{m.Role}] {m.Text}"));
}

/// <summary>What the brief is, written where both a model and the local composer find it.</summary>
public sealed record PromptInput<T>(string Task, T Brief);

/// <summary>The prompts. Each ends with its brief as JSON after <see cref="InputMarker"/>: models follow structured
/// input well, and the local composer reads the very same brief, so both providers share one contract.</summary>
public static class AiPrompts
{
    public const string InputMarker = "Input (JSON):";
    public const string IdeasTask = "ideas";
    public const string PostTask = "post";
    public const string VariantsTask = "variants";

    /// <summary>The user's language is the default, but a user who writes their idea in another language wants the
    /// answer in that one.</summary>
    public static string System(string language) =>
        "You are a content strategist for solo entrepreneurs who publish on LinkedIn and Instagram. " +
        $"Write in {LanguageName(language)} unless the user's text in the input (their context, idea or post) is written in another language; " +
        "then write in that language. Be concrete and specific; no filler. " +
        "Answer with JSON only, exactly in the requested schema.";

    private static string LanguageName(string language) => Languages.Culture(language).Parent.EnglishName;

    public static AiPrompt Ideas(IdeasBrief brief) => Build(GenerationType.Ideas, IdeasTask, brief, brief.Language,
        $"Generate exactly {brief.Count} distinct content ideas for this business context and these themes. " +
        "Vary the angle (how-to, common mistakes, personal story, checklist, myth vs fact, trend, tool comparison, case study, question to the audience…). " +
        "Each idea has a short title, a one- or two-sentence description, the platform it suits best (linkedin or instagram) " +
        "and an estimated engagement (low, medium or high).",
        ChatResponseFormat.ForJsonSchema<IdeasAnswer>(AiJson.Options, "ideas", "Content ideas"));

    public static AiPrompt Post(PostBrief brief) => Build(
        brief.Platform == AiPlatform.Instagram ? GenerationType.PostInstagram : GenerationType.PostLinkedin, PostTask, brief, brief.Language,
        $"Write one {Describe(brief.Platform)} post from this idea, in a {Describe(brief.Tone)} tone, {Describe(brief.Length)}. " +
        "Open with a hook line, then the body, then a call to action. Put hashtags (without '#') in the hashtags list, " +
        $"not in the content. Content plus hashtags must stay under {AiLimits.MaxCharacters(brief.Platform)} characters" +
        (brief.Platform == AiPlatform.Instagram ? $" and at most {AiLimits.InstagramMaxHashtags} hashtags." : "."),
        ChatResponseFormat.ForJsonSchema<PostAnswer>(AiJson.Options, "post", "A social media post"));

    public static AiPrompt Variants(VariantsBrief brief) => Build(GenerationType.Variants, VariantsTask, brief, brief.Language,
        $"Rewrite this {Describe(brief.Platform)} post into {brief.Variations.Count} variants, one per requested variation, in the order given: " +
        string.Join(", ", brief.Variations.Select(Describe)) + ". Each variant must clearly differ from the original and from the others, " +
        $"keep the original's language and stay under {AiLimits.MaxCharacters(brief.Platform)} characters.",
        ChatResponseFormat.ForJsonSchema<VariantsAnswer>(AiJson.Options, "variants", "Variants of a post"));

    /// <summary>The brief of a prompt built here, or null when the messages carry none.</summary>
    public static PromptInput<JsonElement>? ReadInput(IEnumerable<ChatMessage> messages)
    {
        var text = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var at = text.LastIndexOf(InputMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<PromptInput<JsonElement>>(text[(at + InputMarker.Length)..], AiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Describe(string variation) => variation switch
    {
        VariationTypes.Shorter => "shorter (clearly fewer characters, same message)",
        VariationTypes.Longer => "longer (one more concrete point)",
        VariationTypes.MoreCasual => "more_casual (conversational, first person, contractions)",
        VariationTypes.MoreProfessional => "more_professional (measured, no emojis, no slang)",
        VariationTypes.WithCta => "with_cta (ends with an explicit call to action)",
        VariationTypes.WithQuestion => "with_question (opens with a question to the reader)",
        VariationTypes.WithEmojis => "with_emojis (a few relevant emojis)",
        _ => variation,
    };

    private static string Describe(AiPlatform platform) => platform == AiPlatform.Instagram ? "Instagram" : "LinkedIn";

    private static string Describe(AiTone tone) => tone.ToString().ToLowerInvariant();

    private static string Describe(AiLength length) => length switch
    {
        AiLength.Short => "short (about 300 to 500 characters)",
        AiLength.Long => "long (about 1,500 to 2,000 characters)",
        _ => "of medium length (about 800 to 1,200 characters)",
    };

    private static AiPrompt Build<T>(GenerationType type, string task, T brief, string language, string instructions,
        ChatResponseFormat format) =>
        new(type,
        [
            new ChatMessage(ChatRole.System, System(language)),
            new ChatMessage(ChatRole.User, $"{instructions}\n\n{InputMarker}\n{AiJson.Serialize(new PromptInput<T>(task, brief))}"),
        ], format);
}
