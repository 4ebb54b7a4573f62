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
    public const string RatingRange = "Posts.RatingRange";
    public const string HashtagWords = "Posts.HashtagWords";

    public PostInputValidator()
    {
        RuleFor(i => i.Malformed).Custom((malformed, context) =>
        {
            foreach (var failure in malformed)
            {
                context.AddFailure(failure);
            }
        });
        RuleFor(i => i.Content).Must(c => !c.IsSet || !string.IsNullOrWhiteSpace(c.Value)).WithText(RequestValidation.Required);
        RuleFor(i => i.Hashtags).Must(h => !h.IsSet || h.Value.All(IsHashtag)).WithText(HashtagWords);
        RuleFor(i => i.Rating).Must(r => r.Value is null or (>= 1 and <= 5)).WithText(RatingRange);
        RuleFor(i => i.MediaIds).Must(m => !m.IsSet || m.Value.Count <= MaxMedia).WithText("Posts.MaxMedia", MaxMedia);
        RuleSet(Creation, () =>
        {
            RuleFor(i => i.Content).Must(c => c.IsSet).When(i => !i.IsMalformed("content")).WithText(RequestValidation.Required);
            RuleFor(i => i.Platform).Must(p => p.IsSet).When(i => !i.IsMalformed("platform")).WithText(RequestValidation.Required);
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
        RuleFor(q => q.Status).Must(WireEnum.IsAbsentOrNameOf<PostStatus>).WithText(WireEnum.Expected<PostStatus>());
        RuleFor(q => q.Platform).Must(WireEnum.IsAbsentOrNameOf<PostPlatform>).WithText(WireEnum.Expected<PostPlatform>());
        RuleFor(q => q.Limit).PageSize(PostsApi.MaxPageSize);
    }
}

public sealed class RateValidator : AbstractValidator<RateRequest>
{
    public RateValidator() => RuleFor(r => r.Rating).Must(r => r is >= 1 and <= 5).WithText(PostInputValidator.RatingRange);
}
