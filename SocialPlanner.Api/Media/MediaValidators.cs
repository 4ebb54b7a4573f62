using FluentValidation;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

/// <summary>The filters of GET /api/media that have rules, gathered so one validator checks them.</summary>
public sealed record ListMediaQuery(string? Type, int? Limit)
{
    public static MediaType? TypeOf(string? type) => type switch
    {
        "image" => MediaType.Image,
        "video" => MediaType.Video,
        _ => null,
    };
}

public sealed class ListMediaQueryValidator : AbstractValidator<ListMediaQuery>
{
    public ListMediaQueryValidator()
    {
        RuleFor(q => q.Type).Must(t => t is null || ListMediaQuery.TypeOf(t) is not null).WithText("Media.TypeOneOf");
        RuleFor(q => q.Limit).PageSize(MediaApi.MaxPageSize);
    }
}
