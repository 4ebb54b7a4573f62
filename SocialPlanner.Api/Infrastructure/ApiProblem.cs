using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>An <see cref="IResult"/> that writes an error in the spec's format; the one way endpoints fail.</summary>
public sealed class ApiProblem : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly string _type;
    private readonly string _title;
    private readonly string _detail;
    private readonly IReadOnlyList<FieldError> _errors;
    private readonly IReadOnlyDictionary<string, string> _headers;

    public ApiProblem(int status, string type, string title, string detail,
        IReadOnlyList<FieldError>? errors = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = status;
        _type = type;
        _title = title;
        _detail = detail;
        _errors = errors ?? [];
        _headers = headers ?? new Dictionary<string, string>();
    }

    public int StatusCode { get; }
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string Detail => _detail;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in _headers)
        {
            httpContext.Response.Headers[name] = value;
        }
        return ErrorWriter.WriteAsync(httpContext, ToError(httpContext.Request.Path));
    }

    public ApiError ToError(string? instance) => new(_type, _title, StatusCode, _detail, instance, _errors);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ErrorEnvelope), ["application/json"]));

    public static ApiProblem Validation(IReadOnlyList<FieldError> errors, string? detail = null) =>
        new(400, ErrorTypes.Validation, "Validation Failed",
            detail ?? (errors.Count == 1 ? errors[0].Message : "One or more fields are invalid"), errors);

    public static ApiProblem Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static ApiProblem BadRequest(string detail) =>
        new(400, ErrorTypes.Validation, "Bad Request", detail);

    public static ApiProblem Unauthorized(string detail = "Authentication is required") =>
        new(401, ErrorTypes.Unauthorized, "Unauthorized", detail);

    public static ApiProblem NotFound(string what) =>
        new(404, ErrorTypes.NotFound, "Not Found", $"{what} not found");

    public static ApiProblem Conflict(string detail) =>
        new(409, ErrorTypes.Conflict, "Conflict", detail);

    public static ApiProblem BusinessRule(string detail, IReadOnlyList<FieldError>? errors = null) =>
        new(422, ErrorTypes.BusinessRule, "Business Rule Violation", detail, errors);

    public static ApiProblem TooManyRequests(string detail, TimeSpan retryAfter, string type = ErrorTypes.RateLimited) =>
        new(429, type, "Too Many Requests", detail, headers: new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static ApiProblem ServiceUnavailable(string detail, TimeSpan retryAfter) =>
        new(503, ErrorTypes.ServiceUnavailable, "Service Unavailable", detail, headers: new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

/// <summary>Thrown from deep inside a handler or service when returning is awkward; the exception handler
/// writes the carried problem unchanged.</summary>
public sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
