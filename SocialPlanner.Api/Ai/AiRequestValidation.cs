using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Ai;

namespace SocialPlanner.Api.Ai;

/// <summary>Request rules, as pure functions: a brief, or every field error at once.</summary>
public static class AiRequestValidation
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

    public static (IdeasBrief? Brief, List<FieldError> Errors) Ideas(GenerateIdeasRequest request)
    {
        var errors = new List<FieldError>();
        var context = request.Context?.Trim() ?? "";
        if (context.Length == 0)
        {
            errors.Add(new("context", "Required"));
        }
        else if (context.Length > MaxContextLength)
        {
            errors.Add(new("context", $"At most {MaxContextLength} characters"));
        }
        var themes = (request.Themes ?? []).Select(t => t?.Trim() ?? "").ToList();
        if (themes.Count is 0 or > MaxThemes)
        {
            errors.Add(new("themes", $"Between 1 and {MaxThemes} themes"));
        }
        else if (themes.Any(t => t.Length == 0 || t.Length > MaxThemeLength))
        {
            errors.Add(new("themes", $"Each theme is a non-empty text of at most {MaxThemeLength} characters"));
        }
        var count = request.Count ?? DefaultIdeaCount;
        if (count is < MinIdeaCount or > MaxIdeaCount)
        {
            errors.Add(new("count", $"Between {MinIdeaCount} and {MaxIdeaCount}"));
        }
        return errors.Count > 0 ? (null, errors) : (new IdeasBrief(context, themes, count), errors);
    }

    public static (PostBrief? Brief, List<FieldError> Errors) Post(GeneratePostRequest request)
    {
        var errors = new List<FieldError>();
        var title = request.Idea?.Title?.Trim() ?? "";
        var description = request.Idea?.Description?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new("idea.title", "Required"));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new("idea.title", $"At most {MaxTitleLength} characters"));
        }
        if (description.Length > MaxDescriptionLength)
        {
            errors.Add(new("idea.description", $"At most {MaxDescriptionLength} characters"));
        }
        var platform = Parse<AiPlatform>(request.Platform, null, "platform", "linkedin or instagram", errors);
        var tone = Parse<AiTone>(request.Tone, AiTone.Professional, "tone", "professional, casual or inspirational", errors);
        var length = Parse<AiLength>(request.Length, AiLength.Medium, "length", "short, medium or long", errors);
        return errors.Count > 0 ? (null, errors) : (new PostBrief(title, description, platform!.Value, tone!.Value, length!.Value), errors);
    }

    public static (IReadOnlyList<string>? Variations, List<FieldError> Errors) Variants(GenerateVariantsRequest request)
    {
        var errors = new List<FieldError>();
        if (request.PostId is null)
        {
            errors.Add(new("post_id", "Required"));
        }
        var variations = request.Variations ?? [.. VariationTypes.Default];
        if (variations.Count is 0 or > MaxVariations || variations.Distinct().Count() != variations.Count)
        {
            errors.Add(new("variations", $"Between 1 and {MaxVariations} distinct variations"));
        }
        else if (variations.FirstOrDefault(v => !VariationTypes.All.Contains(v)) is { } unknown)
        {
            errors.Add(new("variations", $"Unknown variation '{unknown}'; use {string.Join(", ", VariationTypes.All)}"));
        }
        return errors.Count > 0 ? (null, errors) : (variations, errors);
    }

    private static T? Parse<T>(string? value, T? fallback, string field, string allowed, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (fallback is null)
            {
                errors.Add(new(field, $"Required: {allowed}"));
            }
            return fallback;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsDigit))
        {
            return parsed;
        }
        errors.Add(new(field, $"Must be {allowed}"));
        return fallback;
    }
}
