using Microsoft.Extensions.Localization;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Ideas;

public sealed record GenerateIdeasRequest(string Context, IReadOnlyList<string> Themes, int Count);

public sealed record Idea(string Id, string Title, string Description, string? TargetPlatform, string? EstimatedEngagement);

public sealed record IdeasResult(IReadOnlyList<Idea> Ideas, Guid? GenerationId);

public sealed record IdeaInput(string Title, string Description);

public sealed record GeneratePostRequest(IdeaInput Idea, PostPlatform Platform, string Tone, string Length);

public sealed record GeneratedPost(string Content, IReadOnlyList<string> Hashtags, int? CharacterCount, Guid? GenerationId);

public sealed record GenerateVariantsRequest(Guid PostId, IReadOnlyList<string> Variations);

public sealed record PostVariant(string Id, string Content, string VariationType);

public sealed record VariantsResult(IReadOnlyList<PostVariant> Variants, Guid? GenerationId);

/// <summary>The monthly AI allowance, from the <c>meta</c> of every generation.</summary>
public sealed record AiQuota(int QuotaUsed, int QuotaRemaining, DateTimeOffset? QuotaResetsAt);

public static class AiChoices
{
    public static readonly IReadOnlyList<string> Tones = ["professional", "casual", "inspirational"];
    public static readonly IReadOnlyList<string> Lengths = ["short", "medium", "long"];
    public static readonly IReadOnlyList<string> Variations = ["shorter", "more_casual", "with_cta"];

    /// <summary>A tone, length or variation in the user's language; one the AI names that we do not know is shown as
    /// it came (capitalised), never as a missing resource key.</summary>
    public static string Describe(string choice, IStringLocalizer<IdeasStrings> texts) =>
        Known(texts, "Choice." + choice) ?? (choice.Length > 0 ? char.ToUpperInvariant(choice[0]) + choice[1..] : choice);

    /// <summary>The text of <paramref name="key"/>, or null when there is none (values that come from the AI).</summary>
    public static string? Known(IStringLocalizer<IdeasStrings> texts, string key) => texts[key] is { ResourceNotFound: false } text ? text.Value : null;
}
