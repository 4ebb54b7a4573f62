using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Request rules are FluentValidation validators, one per request shape beside its feature. A handler runs
/// its validator where the rules apply (after a 404 where the resource is looked up first) and answers a failed
/// result with <see cref="ToProblem"/>: every broken rule of every field in one 400.</summary>
public static class RequestValidation
{
    public const string Required = "Validation.Required";
    public const string IanaTimeZone = "Validation.IanaTimeZone";
    public const string SupportedLanguage = "Validation.SupportedLanguage";

    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        // A failure names the field as the client writes it (snake_case, nested ones dotted: idea.title).
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            expression is not null && PropertyChain.FromExpression(expression) is { Count: > 0 } chain
                ? string.Join('.', chain.ToString().Split('.').Select(WireName))
                : member is null ? null : WireName(member.Name);
        services.AddValidatorsFromAssemblyContaining(typeof(RequestValidation));
        return services;
    }

    /// <summary>Every failure as a field problem: ours carry their <see cref="ApiText"/> (<see cref="WithText{T,TProperty}(IRuleBuilderOptions{T,TProperty},string,object?[])"/>);
    /// FluentValidation's own messages are already in the request's language.</summary>
    public static ApiProblem ToProblem(this ValidationResult result) =>
        ApiProblem.Validation([.. result.Errors.Select(e => new FieldProblem(e.PropertyName, e.CustomState as ApiText ?? ApiText.Verbatim(e.ErrorMessage)))]);

    /// <summary>The rule's message as an <see cref="ApiStrings"/> key and its values, written in the request's
    /// language with the answer.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string key,
        params object?[] values) => rule.WithText(ApiText.Of(key, values));

    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, ApiText text) =>
        rule.WithMessage(text.ToString()).WithState(_ => text);

    /// <summary>A text that depends on the value the rule refused.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithText<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule,
        Func<T, TProperty, ApiText> text) => rule.WithState((instance, value) => text(instance, value));

    /// <summary>A failure added by hand (a custom rule, a value of the wrong JSON type).</summary>
    public static ValidationFailure Failure(string field, string key, params object?[] values) =>
        new(field, key) { CustomState = ApiText.Of(key, values) };

    /// <summary>The calendar needs an IANA zone (what browsers report), not a Windows one.</summary>
    public static bool IsIanaTimeZone(string? id) =>
        id is { Length: > 0 }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);

    /// <summary>Absent, or between 1 and <paramref name="max"/>: the page size of the list endpoints.</summary>
    public static IRuleBuilderOptions<T, int?> PageSize<T>(this IRuleBuilder<T, int?> rule, int max) =>
        rule.InclusiveBetween(1, max).WithText("Validation.PageSize", max);

    private static string WireName(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
