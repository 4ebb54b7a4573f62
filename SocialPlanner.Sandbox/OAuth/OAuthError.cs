using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialPlanner.Sandbox.OAuth;

/// <summary>RFC 6749 §5.2 error body, as both platforms' token endpoints answer.</summary>
public sealed record OAuthError(string Error, string ErrorDescription)
{
    public static JsonHttpResult<OAuthError> Result(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);
}
