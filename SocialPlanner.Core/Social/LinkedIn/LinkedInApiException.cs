using System.Net;

namespace SocialPlanner.Core.Social.LinkedIn;

/// <summary>A non-success answer from LinkedIn, with the fields the publishing rules branch on.</summary>
public sealed class LinkedInApiException(HttpStatusCode status, string? code, string message, TimeSpan? retryAfter)
    : Exception($"LinkedIn answered {(int)status}{(code is null ? "" : " " + code)}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    /// <summary>The body's <c>code</c>, or the first <c>errorDetails.inputErrors[].code</c> (e.g. DUPLICATE_POST).</summary>
    public string? Code { get; } = code;
    public string PlatformMessage { get; } = message;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
