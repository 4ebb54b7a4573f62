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
    public const string Required = "Required";
    public const string IanaTimeZone = "Must be an IANA time zone such as Europe/Zurich";
    public const string SupportedLanguage = "Must be one of: en, fr";

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

    public static ApiProblem ToProblem(this ValidationResult result) =>
        ApiProblem.Validation(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());

    /// <summary>The calendar needs an IANA zone (what browsers report), not a Windows one.</summary>
    public static bool IsIanaTimeZone(string? id) =>
        id is { Length: > 0 }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);

    /// <summary>Absent, or between 1 and <paramref name="max"/>: the page size of the list endpoints.</summary>
    public static IRuleBuilderOptions<T, int?> PageSize<T>(this IRuleBuilder<T, int?> rule, int max) =>
        rule.InclusiveBetween(1, max).WithMessage($"Must be between 1 and {max}");

    private static string WireName(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
