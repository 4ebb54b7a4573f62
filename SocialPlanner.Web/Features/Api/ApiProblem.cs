using System.Globalization;
using System.Net;
using SocialPlanner.Localisation;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Web.Features.Api;

public sealed record FieldError(string Field, string Message);

/// <summary>The Api's error body <c>{ error: { type, title, status, detail, instance, errors } }</c>.</summary>
public sealed record ApiProblem(string? Type, string? Title, int Status, string? Detail, string? Instance, IReadOnlyList<FieldError>? Errors)
{
    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];

    /// <summary>What the user reads: the detail when there is one, else the title, else the status in words.</summary>
    public string Summary => !string.IsNullOrWhiteSpace(Detail) ? Detail : !string.IsNullOrWhiteSpace(Title) ? Title : Describe(Status);

    /// <summary>A notification's heading, worded for a person by the error's type (the Api's titles, such as "Business
    /// Rule Violation", are for programs); the detail says what exactly.</summary>
    public string Heading => Type switch
    {
        "validation_error" or "business_rule_violation" or "conflict" or "not_found" or "rate_limited" or "quota_exceeded"
            or "payload_too_large" or "unsupported_media_type" or "insufficient_storage" or "unauthorized" or "forbidden" =>
            ResourceTexts<ApiStrings>.Get($"Heading.{Type}"),
        "internal_error" or "bad_gateway" or "service_unavailable" => ResourceTexts<ApiStrings>.Get("Heading.server"),
        _ => Describe(Status),
    };

    /// <summary>The message of one field, for inline validation next to the input.</summary>
    public string? MessageFor(string field) => FieldErrors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>"New password: too short" — the field's name in the page's language (the Api's snake_case name read as
    /// words when we have none for it).</summary>
    public static string Describe(FieldError error) => ResourceTexts<ApiStrings>.Get("FieldMessage", FieldName(error.Field), error.Message);

    private static string FieldName(string field)
    {
        var key = $"Field.{field}";
        if (ResourceTexts<ApiStrings>.Get(key) is var name && name != key)
        {
            return name;
        }
        var words = field.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];
    }

    public static ApiProblem FromStatus(HttpStatusCode status) => new(null, Describe((int)status), (int)status, null, null, []);

    public static ApiProblem Unreachable() =>
        new(null, ResourceTexts<ApiStrings>.Get("Unreachable.Title"), 503, ResourceTexts<ApiStrings>.Get("Unreachable.Detail"), null, []);

    private static string Describe(int status) => status switch
    {
        400 or 401 or 403 or 404 or 409 or 413 or 422 or 429 => ResourceTexts<ApiStrings>.Get($"Status.{status}"),
        >= 500 => ResourceTexts<ApiStrings>.Get("Status.5xx"),
        _ => ResourceTexts<ApiStrings>.Get("Status.Other", status),
    };
}

/// <summary>Thrown by <see cref="ApiHttp"/> for every answer that is not a success, and when the Api cannot be reached.</summary>
public sealed class ApiException(ApiProblem problem, Exception? inner = null) : Exception(problem.Summary, inner)
{
    public ApiProblem Problem { get; } = problem;
    public int Status => Problem.Status;
}
