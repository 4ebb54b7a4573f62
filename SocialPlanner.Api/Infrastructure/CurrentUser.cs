using System.Security.Claims;

namespace SocialPlanner.Api.Infrastructure;

public static class CurrentUser
{
    /// <summary>The signed-in user's id (the JWT <c>sub</c>); endpoints behind RequireAuthorization always have one.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new ApiProblemException(ApiProblem.Unauthorized());
}
