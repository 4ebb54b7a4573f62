namespace SocialPlanner.Api.Infrastructure;

public sealed record FieldError(string Field, string Message);

/// <summary>The body of every error: the spec's RFC 7807-like object wrapped in <c>{ "error": … }</c>.</summary>
public sealed record ApiError(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    IReadOnlyList<FieldError> Errors);

public sealed record ErrorEnvelope(ApiError Error);

/// <summary>The error types our API answers with; one list so clients can switch on them.</summary>
public static class ErrorTypes
{
    public const string Validation = "validation_error";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string BusinessRule = "business_rule_violation";
    public const string RateLimited = "rate_limited";
    public const string QuotaExceeded = "quota_exceeded";
    public const string InsufficientStorage = "insufficient_storage";
    public const string Internal = "internal_error";
    public const string BadGateway = "bad_gateway";
    public const string ServiceUnavailable = "service_unavailable";
}
