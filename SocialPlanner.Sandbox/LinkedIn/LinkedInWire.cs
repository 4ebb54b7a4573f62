using System.Text.Json;
using System.Text.Json.Serialization;

using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>LinkedIn REST speaks camelCase and one error body shape (platform-apis.md §1.11); both live here.</summary>
public static class LinkedInWire
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(body, Options, statusCode: statusCode);

    public static IResult Error(int status, string message, string? code = null, int? serviceErrorCode = null) =>
        Json(new { status, serviceErrorCode, code, message }, status);

    public static IResult TokenProblem(TokenState state) => state switch
    {
        TokenState.Revoked => Error(401, "The token used in the request has been revoked by the user", "REVOKED_ACCESS_TOKEN", 65601),
        TokenState.Expired => Error(401, "The token used in the request has expired", "EXPIRED_ACCESS_TOKEN", 65602),
        _ => Error(401, "Invalid access token", serviceErrorCode: 65600),
    };

    public static IResult AccessDenied(string resource) =>
        Error(403, $"Not enough permissions to access: {resource}", "ACCESS_DENIED", 100);

    public static IResult Unprocessable(string message) => Error(422, message);

    public static IResult ForFault(FaultRule fault) => (fault.Status ?? 500, fault.ErrorCode) switch
    {
        (401, 65601) => TokenProblem(TokenState.Revoked),
        (401, 65602) => TokenProblem(TokenState.Expired),
        (401, _) => TokenProblem(TokenState.Unknown),
        (403, _) => AccessDenied("injected fault"),
        (429, var code) => Error(429, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.", "TOO_MANY_REQUESTS", code ?? 101),
        (var status, var code) when status >= 500 => Error(status, "Internal Server Error", serviceErrorCode: code),
        (var status, var code) => Error(status, "Sandbox injected fault", serviceErrorCode: code),
    };

    /// <summary>The OAuth endpoints on www.linkedin.com answer in the OAuth error form instead.</summary>
    public static IResult ForTokenFault(FaultRule fault) =>
        OAuthError.Result(fault.Status == 401 ? "invalid_client" : "server_error", "Sandbox injected fault", fault.Status ?? 500);

    public static RouteHandlerBuilder LinkedIn(this RouteHandlerBuilder route, string operation) =>
        route.Emulates($"linkedin.{operation}", operation == "token" ? ForTokenFault : ForFault);
}
