using FluentValidation;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Api.Templates;

/// <summary>The rules of the fields a template request may send; absent fields pass.</summary>
public abstract class TemplateFieldsValidator<T> : AbstractValidator<T> where T : ITemplateFields
{
    protected TemplateFieldsValidator()
    {
        RuleFor(r => r.Name).Must(n => n is null || n.Trim().Length is > 0 and <= TemplateInput.MaxNameLength)
            .WithText("Templates.NameLength", TemplateInput.MaxNameLength);
        RuleFor(r => r.Category).Must(WireEnum.IsAbsentOrNameOf<TemplateCategory>).WithText(WireEnum.Expected<TemplateCategory>());
        RuleFor(r => r.Platform).Must(WireEnum.IsAbsentOrNameOf<PostPlatform>).WithText(WireEnum.Expected<PostPlatform>());
        RuleFor(r => r.Content).Must(c => c is null || !string.IsNullOrWhiteSpace(c)).WithText("Validation.NotBlank");
        RuleFor(r => r.Variables).Must(TemplateInput.AreVariables).WithText(TemplateInput.VariablesShape);
    }
}

/// <summary>Creation also needs a name and a category, and a platform and content unless <c>post_id</c> gives them;
/// those come after the field rules, so a field's bad value is listed before another's absence.</summary>
public sealed class CreateTemplateValidator : TemplateFieldsValidator<CreateTemplateRequest>
{
    public CreateTemplateValidator()
    {
        RuleFor(r => r.Name).NotNull().WithText(RequestValidation.Required);
        RuleFor(r => r.Category).NotNull().WithText(RequestValidation.Required);
        When(r => r.PostId is null, () =>
        {
            RuleFor(r => r.Platform).NotNull().WithText("Templates.RequiredUnlessPost");
            RuleFor(r => r.Content).NotNull().WithText("Templates.RequiredUnlessPost");
        });
    }
}

public sealed class UpdateTemplateValidator : TemplateFieldsValidator<UpdateTemplateRequest>;

public sealed class UseTemplateValidator : AbstractValidator<UseTemplateRequest>
{
    public UseTemplateValidator() =>
        RuleFor(r => r.Variables).Must(TemplateInput.AreVariables).WithText(TemplateInput.VariablesShape);
}

public sealed class ListTemplatesQueryValidator : AbstractValidator<ListTemplatesQuery>
{
    public ListTemplatesQueryValidator()
    {
        RuleFor(q => q.Category).Must(WireEnum.IsAbsentOrNameOf<TemplateCategory>).WithText(WireEnum.Expected<TemplateCategory>());
        RuleFor(q => q.Platform).Must(WireEnum.IsAbsentOrNameOf<PostPlatform>).WithText(WireEnum.Expected<PostPlatform>());
    }
}
