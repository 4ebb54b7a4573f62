using FluentValidation;
using SocialPlanner.Core.Ai;

namespace SocialPlanner.Api.Ai;

/// <summary>The AI endpoints' limits, and the briefs a valid request becomes.</summary>
public static class AiRequests
{
    public const int DefaultIdeaCount = 15;
    public const int MinIdeaCount = 10;
    public const int MaxIdeaCount = 15;
    public const int MaxThemes = 10;
    public const int MaxContextLength = 500;
    public const int MaxThemeLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxVariations = 5;

    public static IdeasBrief ToBrief(this GenerateIdeasRequest request) =>
        new(request.Context!.Trim(), [.. request.Themes!.Select(t => t.Trim())], request.Count ?? DefaultIdeaCount);

    public static PostBrief ToBrief(this GeneratePostRequest request) =>
        new(request.Idea!.Title!.Trim(), request.Idea.Description?.Trim() ?? "", Parse<AiPlatform>(request.Platform)!.Value,
            Parse<AiTone>(request.Tone) ?? AiTone.Professional, Parse<AiLength>(request.Length) ?? AiLength.Medium);

    public static IReadOnlyList<string> VariationsOf(GenerateVariantsRequest request) => request.Variations ?? [.. VariationTypes.Default];

    /// <summary>Blank is absent; otherwise a value's name in any case (never its number).</summary>
    internal static T? Parse<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsDigit) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
        && Enum.IsDefined(parsed)
            ? parsed
            : null;

    internal static bool IsBlankOrNameOf<T>(string? value) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) || Parse<T>(value) is not null;
}

public sealed class GenerateIdeasValidator : AbstractValidator<GenerateIdeasRequest>
{
    public GenerateIdeasValidator()
    {
        RuleFor(r => r.Context).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Required")
            .Must(c => c!.Trim().Length <= AiRequests.MaxContextLength).WithMessage($"At most {AiRequests.MaxContextLength} characters");
        RuleFor(r => r.Themes).Cascade(CascadeMode.Stop)
            .Must(t => t is { Count: > 0 and <= AiRequests.MaxThemes }).WithMessage($"Between 1 and {AiRequests.MaxThemes} themes")
            .Must(t => t!.All(theme => theme?.Trim().Length is > 0 and <= AiRequests.MaxThemeLength))
            .WithMessage($"Each theme is a non-empty text of at most {AiRequests.MaxThemeLength} characters");
        RuleFor(r => r.Count ?? AiRequests.DefaultIdeaCount).InclusiveBetween(AiRequests.MinIdeaCount, AiRequests.MaxIdeaCount)
            .WithMessage($"Between {AiRequests.MinIdeaCount} and {AiRequests.MaxIdeaCount}").OverridePropertyName("count");
    }
}

public sealed class GeneratePostValidator : AbstractValidator<GeneratePostRequest>
{
    private const string Platforms = "linkedin or instagram";

    public GeneratePostValidator()
    {
        RuleFor(r => r.Idea == null ? null : r.Idea.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Required")
            .Must(t => t!.Trim().Length <= AiRequests.MaxTitleLength).WithMessage($"At most {AiRequests.MaxTitleLength} characters")
            .OverridePropertyName("idea.title");
        RuleFor(r => r.Idea == null ? null : r.Idea.Description)
            .Must(d => d is null || d.Trim().Length <= AiRequests.MaxDescriptionLength)
            .WithMessage($"At most {AiRequests.MaxDescriptionLength} characters").OverridePropertyName("idea.description");
        RuleFor(r => r.Platform).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage($"Required: {Platforms}")
            .Must(AiRequests.IsBlankOrNameOf<AiPlatform>).WithMessage($"Must be {Platforms}");
        RuleFor(r => r.Tone).Must(AiRequests.IsBlankOrNameOf<AiTone>).WithMessage("Must be professional, casual or inspirational");
        RuleFor(r => r.Length).Must(AiRequests.IsBlankOrNameOf<AiLength>).WithMessage("Must be short, medium or long");
    }
}

public sealed class GenerateVariantsValidator : AbstractValidator<GenerateVariantsRequest>
{
    public GenerateVariantsValidator()
    {
        RuleFor(r => r.PostId).NotNull().WithMessage("Required");
        RuleFor(r => AiRequests.VariationsOf(r)).Cascade(CascadeMode.Stop)
            .Must(v => v.Count is > 0 and <= AiRequests.MaxVariations && v.Distinct().Count() == v.Count)
            .WithMessage($"Between 1 and {AiRequests.MaxVariations} distinct variations")
            .Must(v => v.All(VariationTypes.All.Contains))
            .WithMessage((_, v) => $"Unknown variation '{v.First(x => !VariationTypes.All.Contains(x))}'; use {string.Join(", ", VariationTypes.All)}")
            .OverridePropertyName("variations");
    }
}
