using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.LinkedIn;

public static class LinkedInCaller
{
    /// <summary>The valid token behind the request, or the 401 LinkedIn would answer.</summary>
    public static async Task<(IssuedToken? Token, IResult? Problem)> AuthenticateAsync(HttpRequest request, LinkedInTokens tokens)
    {
        var (state, token) = tokens.Check(await AccessTokens.FromRequestAsync(request));
        return state == TokenState.Valid ? (token, null) : (null, LinkedInWire.TokenProblem(state));
    }
}
