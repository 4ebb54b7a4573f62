using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Ai;

public enum AiPlatform { Linkedin, Instagram }

public enum AiTone { Professional, Casual, Inspirational }

public enum AiLength { Short, Medium, Long }

public enum Engagement { Low, Medium, High }

/// <summary>The variations generate-variants knows how to ask for (and the local composer knows how to write).</summary>
public static class VariationTypes
{
    public const string Shorter = "shorter";
    public const string Longer = "longer";
    public const string MoreCasual = "more_casual";
    public const string MoreProfessional = "more_professional";
    public const string WithCta = "with_cta";
    public const string WithQuestion = "with_question";
    public const string WithEmojis = "with_emojis";

    public static readonly IReadOnlyList<string> All = [Shorter, Longer, MoreCasual, MoreProfessional, WithCta, WithQuestion, WithEmojis];

    public static readonly IReadOnlyList<string> Default = [Shorter, MoreCasual, WithCta];
}

// Briefs: what we ask for. They travel inside the prompt as JSON, so a real model and the local composer read
// exactly the same input.
/// <summary>Each brief carries the user's language (<c>users.language</c>): the answer is written in it unless the
/// user's own text is in another language.</summary>
public sealed record IdeasBrief(string Context, IReadOnlyList<string> Themes, int Count, string Language = Languages.Default);

public sealed record PostBrief(string IdeaTitle, string IdeaDescription, AiPlatform Platform, AiTone Tone, AiLength Length,
    string Language = Languages.Default);

public sealed record VariantsBrief(string Content, IReadOnlyList<string> Hashtags, AiPlatform Platform, IReadOnlyList<string> Variations,
    string Language = Languages.Default);

// Answers: the JSON contract every provider must answer in (requested as a JSON schema, validated before use).
public sealed record IdeasAnswer(IReadOnlyList<IdeaDraft> Ideas);

public sealed record IdeaDraft(string Title, string Description, AiPlatform TargetPlatform, Engagement EstimatedEngagement);

public sealed record PostAnswer(string Content, IReadOnlyList<string> Hashtags);

public sealed record VariantsAnswer(IReadOnlyList<VariantDraft> Variants);

public sealed record VariantDraft(string VariationType, string Content);
