using FluentValidation;
using SocialPlanner.Api.Infrastructure;
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

    public static IdeasBrief ToBrief(this GenerateIdeasRequest request, string language) =>
        new(request.Context!.Trim(), [.. request.Themes!.Select(t => t.Trim())], request.Count ?? DefaultIdeaCount, language);

    public static PostBrief ToBrief(this GeneratePostRequest request, string language) =>
        new(request.Idea!.Title!.Trim(), request.Idea.Description?.Trim() ?? "", Parse<AiPlatform>(request.Platform)!.Value,
            Parse<AiTone>(request.Tone) ?? AiTone.Professional, Parse<AiLength>(request.Length) ?? AiLength.Medium, language);

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
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithText(RequestValidation.Required)
            .Must(c => c!.Trim().Length <= AiRequests.MaxContextLength).WithText("Validation.MaxCharacters", AiRequests.MaxContextLength);
        RuleFor(r => r.Themes).Cascade(CascadeMode.Stop)
            .Must(t => t is { Count: > 0 and <= AiRequests.MaxThemes }).WithText("Ai.ThemeCount", AiRequests.MaxThemes)
            .Must(t => t!.All(theme => theme?.Trim().Length is > 0 and <= AiRequests.MaxThemeLength))
            .WithText("Ai.ThemeShape", AiRequests.MaxThemeLength);
        RuleFor(r => r.Count ?? AiRequests.DefaultIdeaCount).InclusiveBetween(AiRequests.MinIdeaCount, AiRequests.MaxIdeaCount)
            .WithText("Validation.Between", AiRequests.MinIdeaCount, AiRequests.MaxIdeaCount).OverridePropertyName("count");
    }
}

public sealed class GeneratePostValidator : AbstractValidator<GeneratePostRequest>
{
    public GeneratePostValidator()
    {
        RuleFor(r => r.Idea == null ? null : r.Idea.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithText(RequestValidation.Required)
            .Must(t => t!.Trim().Length <= AiRequests.MaxTitleLength).WithText("Validation.MaxCharacters", AiRequests.MaxTitleLength)
            .OverridePropertyName("idea.title");
        RuleFor(r => r.Idea == null ? null : r.Idea.Description)
            .Must(d => d is null || d.Trim().Length <= AiRequests.MaxDescriptionLength)
            .WithText("Validation.MaxCharacters", AiRequests.MaxDescriptionLength).OverridePropertyName("idea.description");
        RuleFor(r => r.Platform).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithText("Ai.PlatformRequired")
            .Must(AiRequests.IsBlankOrNameOf<AiPlatform>).WithText("Ai.PlatformOneOf");
        RuleFor(r => r.Tone).Must(AiRequests.IsBlankOrNameOf<AiTone>).WithText("Ai.ToneOneOf");
        RuleFor(r => r.Length).Must(AiRequests.IsBlankOrNameOf<AiLength>).WithText("Ai.LengthOneOf");
    }
}

public sealed class GenerateVariantsValidator : AbstractValidator<GenerateVariantsRequest>
{
    public GenerateVariantsValidator()
    {
        RuleFor(r => r.PostId).NotNull().WithText(RequestValidation.Required);
        RuleFor(r => AiRequests.VariationsOf(r)).Cascade(CascadeMode.Stop)
            .Must(v => v.Count is > 0 and <= AiRequests.MaxVariations && v.Distinct().Count() == v.Count)
            .WithText("Ai.VariationCount", AiRequests.MaxVariations)
            .Must(v => v.All(VariationTypes.All.Contains))
            .WithText((_, v) => ApiText.Of("Ai.UnknownVariation", v.First(x => !VariationTypes.All.Contains(x)), string.Join(", ", VariationTypes.All)))
            .OverridePropertyName("variations");
    }
}
