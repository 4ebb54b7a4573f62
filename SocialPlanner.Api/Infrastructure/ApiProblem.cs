using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>An <see cref="IResult"/> that writes an error in the spec's format; the one way endpoints fail. Its title,
/// detail and field messages are <see cref="ApiText"/>s, written in the request's language by
/// <see cref="ToError"/>; the <c>type</c> codes never change.</summary>
public sealed class ApiProblem : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly string _type;
    private readonly ApiText _title;
    private readonly ApiText _detail;
    private readonly IReadOnlyList<FieldProblem> _errors;
    private readonly IReadOnlyDictionary<string, string> _headers;

    private ApiProblem(int status, string type, string title, ApiText detail,
        IReadOnlyList<FieldProblem>? errors = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = status;
        _type = type;
        _title = ApiText.Of($"Title.{title}");
        _detail = detail;
        _errors = errors ?? [];
        _headers = headers ?? new Dictionary<string, string>();
    }

    public int StatusCode { get; }
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The detail's key (or verbatim text), for logs.</summary>
    public string Detail => _detail.ToString();

    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in _headers)
        {
            httpContext.Response.Headers[name] = value;
        }
        return ErrorWriter.WriteAsync(httpContext, ToError(httpContext));
    }

    /// <summary>The error as the client reads it, in the request's culture (set first in the pipeline).</summary>
    public ApiError ToError(HttpContext httpContext)
    {
        var localizer = httpContext.RequestServices.GetRequiredService<IStringLocalizer<ApiStrings>>();
        return new(_type, _title.Resolve(localizer), StatusCode, _detail.Resolve(localizer), httpContext.Request.Path,
            [.. _errors.Select(e => new FieldError(e.Field, e.Message.Resolve(localizer)))]);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ErrorEnvelope), ["application/json"]));

    public static ApiProblem Validation(IReadOnlyList<FieldProblem> errors, ApiText? detail = null) =>
        new(400, ErrorTypes.Validation, "ValidationFailed",
            detail ?? (errors.Count == 1 ? errors[0].Message : ApiText.Of("Validation.SeveralFields")), errors);

    public static ApiProblem Validation(string field, string key, params object?[] values) =>
        Validation([FieldProblem.Of(field, key, values)]);

    public static ApiProblem BadRequest(ApiText detail, int status = 400) =>
        new(status, ErrorTypes.Validation, "BadRequest", detail);

    public static ApiProblem Unauthorized() => Unauthorized("Auth.Required");

    public static ApiProblem Unauthorized(string key, params object?[] values) => Unauthorized(ApiText.Of(key, values));

    public static ApiProblem Unauthorized(ApiText detail) => new(401, ErrorTypes.Unauthorized, "Unauthorized", detail);

    public static ApiProblem Forbidden(ApiText detail) => new(403, ErrorTypes.Forbidden, "Forbidden", detail);

    /// <summary>404 for a thing the caller named: <c>NotFound.{what}</c> says "Post not found" in the right words.</summary>
    public static ApiProblem NotFound(string what) =>
        new(404, ErrorTypes.NotFound, "NotFound", ApiText.Of($"NotFound.{what}"));

    public static ApiProblem MethodNotAllowed(string method) =>
        new(405, ErrorTypes.MethodNotAllowed, "MethodNotAllowed", ApiText.Of("Http.MethodNotAllowed", method));

    public static ApiProblem Conflict(string key, params object?[] values) =>
        new(409, ErrorTypes.Conflict, "Conflict", ApiText.Of(key, values));

    public static ApiProblem PayloadTooLarge(ApiText detail) =>
        new(413, ErrorTypes.PayloadTooLarge, "PayloadTooLarge", detail);

    public static ApiProblem UnsupportedMediaType() =>
        new(415, ErrorTypes.UnsupportedMediaType, "UnsupportedMediaType", ApiText.Of("Http.UnsupportedMediaType"));

    public static ApiProblem BusinessRule(string key, params object?[] values) => BusinessRule(ApiText.Of(key, values));

    public static ApiProblem BusinessRule(ApiText detail, IReadOnlyList<FieldProblem>? errors = null) =>
        new(422, ErrorTypes.BusinessRule, "BusinessRule", detail, errors);

    /// <summary>422 for the rules a post breaks (the Core's messages, already in the reader's language), each one an
    /// error of <paramref name="field"/>.</summary>
    public static ApiProblem RulesBroken(IReadOnlyList<string> violations, string field = "content") =>
        BusinessRule(ApiText.Verbatim(string.Join("; ", violations)), [.. violations.Select(v => FieldProblem.Verbatim(field, v))]);

    public static ApiProblem TooManyRequests(ApiText detail, TimeSpan retryAfter, string type = ErrorTypes.RateLimited) =>
        new(429, type, "TooManyRequests", detail, headers: RetryAfter(retryAfter));

    public static ApiProblem InternalError() =>
        new(500, ErrorTypes.Internal, "InternalServerError", ApiText.Of("Http.InternalError"));

    public static ApiProblem BadGateway(ApiText detail) => new(502, ErrorTypes.BadGateway, "BadGateway", detail);

    public static ApiProblem ServiceUnavailable(ApiText detail, TimeSpan retryAfter) =>
        new(503, ErrorTypes.ServiceUnavailable, "ServiceUnavailable", detail, headers: RetryAfter(retryAfter));

    public static ApiProblem InsufficientStorage(ApiText detail) =>
        new(507, ErrorTypes.InsufficientStorage, "InsufficientStorage", detail);

    /// <summary>Any other status the framework answers with.</summary>
    public static ApiProblem OtherStatus(int status) => new(status, "error", "Error", ApiText.Of("Http.OtherStatus", status));

    private static Dictionary<string, string> RetryAfter(TimeSpan wait) => new()
    {
        ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Thrown from deep inside a handler or service when returning is awkward; the exception handler
/// writes the carried problem unchanged.</summary>
public sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
