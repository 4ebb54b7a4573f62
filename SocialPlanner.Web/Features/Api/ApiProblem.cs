using System.Globalization;
using System.Net;

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
        "validation_error" => "Please check what you entered",
        "business_rule_violation" => "One thing to fix first",
        "conflict" => "Changed somewhere else",
        "not_found" => "It no longer exists",
        "rate_limited" => "A little too fast",
        "quota_exceeded" => "This month's allowance is used up",
        "payload_too_large" => "The file is too large",
        "unsupported_media_type" => "This kind of file is not supported",
        "insufficient_storage" => "Your media storage is full",
        "unauthorized" => "Please sign in again",
        "forbidden" => "You are not allowed to do that",
        "internal_error" or "bad_gateway" or "service_unavailable" => "Something went wrong on our side",
        _ => Describe(Status),
    };

    /// <summary>The message of one field, for inline validation next to the input.</summary>
    public string? MessageFor(string field) => FieldErrors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>"New password: too short" — the Api's snake_case field names read as words.</summary>
    public static string Describe(FieldError error)
    {
        var words = error.Field.Replace('_', ' ');
        var label = words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
        return $"{label}: {error.Message}";
    }

    public static ApiProblem FromStatus(HttpStatusCode status) => new(null, Describe((int)status), (int)status, null, null, []);

    public static ApiProblem Unreachable() =>
        new(null, "The planner service is unreachable", 503, "We could not reach the planner service. Please try again in a moment.", null, []);

    private static string Describe(int status) => status switch
    {
        400 => "The request was not valid",
        401 => "Your session has ended; please sign in again",
        403 => "You are not allowed to do that",
        404 => "It no longer exists",
        409 => "Someone else changed it first",
        413 => "The file is too large",
        422 => "That is not allowed",
        429 => "Too many requests; please wait a moment",
        >= 500 => "The planner service had a problem; please try again",
        _ => $"The request failed ({status})",
    };
}

/// <summary>Thrown by <see cref="ApiHttp"/> for every answer that is not a success, and when the Api cannot be reached.</summary>
public sealed class ApiException(ApiProblem problem, Exception? inner = null) : Exception(problem.Summary, inner)
{
    public ApiProblem Problem { get; } = problem;
    public int Status => Problem.Status;
}
