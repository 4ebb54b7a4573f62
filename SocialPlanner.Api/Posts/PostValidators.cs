using FluentValidation;
using FluentValidation.Results;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Posts;

/// <summary>The rules of a post's fields, for <c>PATCH</c>; creation adds its rule set, which requires content and
/// platform. Values of the wrong JSON type, found by <see cref="PostInput.Read"/>, are reported here too.</summary>
public sealed class PostInputValidator : AbstractValidator<PostInput>
{
    public const string Creation = "creation";
    public const int MaxMedia = 10;
    public const string RatingRange = "Must be an integer from 1 to 5";
    public const string HashtagWords = "Must be a list of words without spaces";

    public PostInputValidator()
    {
        RuleFor(i => i.Malformed).Custom((malformed, context) =>
        {
            foreach (var failure in malformed)
            {
                context.AddFailure(failure);
            }
        });
        RuleFor(i => i.Content).Must(c => !c.IsSet || !string.IsNullOrWhiteSpace(c.Value)).WithMessage(RequestValidation.Required);
        RuleFor(i => i.Hashtags).Must(h => !h.IsSet || h.Value.All(IsHashtag)).WithMessage(HashtagWords);
        RuleFor(i => i.Rating).Must(r => r.Value is null or (>= 1 and <= 5)).WithMessage(RatingRange);
        RuleFor(i => i.MediaIds).Must(m => !m.IsSet || m.Value.Count <= MaxMedia).WithMessage($"A post can have at most {MaxMedia} media");
        RuleSet(Creation, () =>
        {
            RuleFor(i => i.Content).Must(c => c.IsSet).When(i => !i.IsMalformed("content")).WithMessage(RequestValidation.Required);
            RuleFor(i => i.Platform).Must(p => p.IsSet).When(i => !i.IsMalformed("platform")).WithMessage(RequestValidation.Required);
        });
    }

    /// <summary>The failures in the order the body gives the fields, whichever rule found them.</summary>
    public override async Task<ValidationResult> ValidateAsync(ValidationContext<PostInput> context, CancellationToken cancellation = default)
    {
        var result = await base.ValidateAsync(context, cancellation);
        return new ValidationResult(result.Errors.OrderBy(f => context.InstanceToValidate.PositionOf(f.PropertyName)));
    }

    private static bool IsHashtag(string tag) => tag.Length is > 0 and <= 100 && !tag.Any(c => char.IsWhiteSpace(c) || c == '#');
}

public sealed class ListPostsQueryValidator : AbstractValidator<ListPostsQuery>
{
    public ListPostsQueryValidator()
    {
        RuleFor(q => q.Status).Must(WireEnum.IsAbsentOrNameOf<PostStatus>).WithMessage(WireEnum.Expected<PostStatus>());
        RuleFor(q => q.Platform).Must(WireEnum.IsAbsentOrNameOf<PostPlatform>).WithMessage(WireEnum.Expected<PostPlatform>());
        RuleFor(q => q.Limit).PageSize(PostsApi.MaxPageSize);
    }
}

public sealed class RateValidator : AbstractValidator<RateRequest>
{
    public RateValidator() => RuleFor(r => r.Rating).Must(r => r is >= 1 and <= 5).WithMessage(PostInputValidator.RatingRange);
}
