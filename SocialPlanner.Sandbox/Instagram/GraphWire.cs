using System.Security.Cryptography;

using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>A Graph API error (platform-apis.md §2.7); the numbers are what clients branch on.</summary>
public sealed record GraphError(int Code, int? Subcode, string Message, string? UserTitle = null, string? UserMessage = null, bool Transient = false, int Status = 400);

/// <summary>The Graph error envelope and request conventions (params in query or form, token as parameter or Bearer).</summary>
public static class GraphWire
{
    public static IResult Error(GraphError error) => TypedResults.Json(new
    {
        error = new Dictionary<string, object?>
        {
            ["message"] = error.Message,
            ["type"] = "OAuthException",
            ["code"] = error.Code,
            ["error_subcode"] = error.Subcode,
            ["is_transient"] = error.Transient,
            ["error_user_title"] = error.UserTitle,
            ["error_user_msg"] = error.UserMessage,
            ["fbtrace_id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)),
        }.Where(p => p.Value is not null).ToDictionary(),
    }, statusCode: error.Status);

    public static IResult TokenProblem(TokenState state) => Error(state switch
    {
        TokenState.Expired => new GraphError(190, 463, "Error validating access token: Session has expired."),
        TokenState.Revoked => new GraphError(190, 460, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons."),
        _ => new GraphError(190, null, "Invalid OAuth access token - Cannot parse access token"),
    });

    public static IResult NoSuchObject(string id) =>
        Error(new GraphError(100, 33, $"Unsupported request - method type: get. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation."));

    public static IResult MissingParameter(string name) => Error(new GraphError(100, null, $"The parameter {name} is required"));

    public static IResult ForFault(FaultRule fault)
    {
        var status = fault.Status ?? 500;
        return Error(status switch
        {
            401 => new GraphError(fault.ErrorCode ?? 190, fault.ErrorSubcode ?? 463, "Error validating access token: Session has expired.", Status: status),
            429 => new GraphError(fault.ErrorCode ?? 4, fault.ErrorSubcode, "Application request limit reached", Transient: true, Status: status),
            >= 500 => new GraphError(fault.ErrorCode ?? 2, fault.ErrorSubcode, "An unexpected error has occurred. Please retry your request later.", Transient: true, Status: status),
            _ => new GraphError(fault.ErrorCode ?? -1, fault.ErrorSubcode ?? 2207001, "An unknown error occurred", Transient: true, Status: status),
        });
    }

    public static RouteHandlerBuilder Instagram(this RouteHandlerBuilder route, string operation) =>
        route.Emulates($"instagram.{operation}", ForFault);

    /// <summary>Graph takes parameters from the query string or a form body alike.</summary>
    public static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>The valid token behind the request, or the 190 error Graph would answer.</summary>
    public static async Task<(IssuedToken? Token, IResult? Problem)> AuthenticateAsync(HttpRequest request, InstagramTokens tokens)
    {
        var (state, token) = tokens.Check(await AccessTokens.FromRequestAsync(request));
        return state == TokenState.Valid ? (token, null) : (null, TokenProblem(state));
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture);

    public static HashSet<string> Fields(string? fields, params string[] always) =>
        [.. (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. always];
}
