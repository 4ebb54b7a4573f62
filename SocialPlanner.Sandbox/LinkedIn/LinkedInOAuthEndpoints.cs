using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>www.linkedin.com's OAuth 2.0 endpoints and the OIDC userinfo (platform-apis.md §1.2–1.4).</summary>
public static class LinkedInOAuthEndpoints
{
    private static readonly string[] RequiredFields = ["grant_type", "client_id", "client_secret"];

    public static IEndpointRouteBuilder MapLinkedInOAuth(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/oauth/v2/authorization", ["GET", "POST"], Authorize).LinkedIn("authorize").WithName("LinkedInAuthorize");
        app.MapPost("/oauth/v2/accessToken", AccessToken).LinkedIn("token").WithName("LinkedInAccessToken").DisableAntiforgery();
        app.MapPost("/oauth/v2/revoke", Revoke).LinkedIn("revoke").WithName("LinkedInRevoke").DisableAntiforgery();
        app.MapGet("/v2/userinfo", UserInfo).LinkedIn("userinfo").WithName("LinkedInUserInfo");
        return app;
    }

    private static Task<IResult> Authorize(HttpRequest request, IOptions<SandboxOptions> options, AuthorizationCodes codes)
    {
        var linkedIn = options.Value.LinkedIn;
        var settings = new ConsentSettings(
            "LinkedIn",
            linkedIn.ClientId,
            linkedIn.AvailableScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            TimeSpan.FromSeconds(linkedIn.CodeLifetimeSeconds),
            "user_cancelled_authorize",
            "The user cancelled the authorization",
            RedirectSuffix: "");
        return ConsentFlow.AuthorizeAsync(request, settings, codes);
    }

    /// <summary>Token revocation (<c>client_id</c>, <c>client_secret</c>, <c>token</c>, form-encoded). Not in
    /// platform-apis.md, so unconfirmed: the Api calls it when an account is deleted, and this emulation makes the token
    /// answer 401 afterwards. An unknown token is answered 200 as RFC 7009 asks.</summary>
    private static async Task<IResult> Revoke(HttpRequest request, IOptions<SandboxOptions> options, LinkedInTokens tokens)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.Result("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var linkedIn = options.Value.LinkedIn;
        if (form["client_id"] != linkedIn.ClientId || form["client_secret"] != linkedIn.ClientSecret)
        {
            return OAuthError.Result("invalid_client", "Client authentication failed", StatusCodes.Status401Unauthorized);
        }
        if (form["token"].ToString() is not { Length: > 0 } token)
        {
            return OAuthError.Result("invalid_request", "A required parameter \"token\" is missing");
        }

        tokens.ExpireNow(token, revoke: true);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AccessToken(HttpRequest request, IOptions<SandboxOptions> options, AuthorizationCodes codes, LinkedInTokens tokens, TimeProvider clock)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.Result("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? Field(string name) => form.TryGetValue(name, out var value) && value.ToString().Length > 0 ? value.ToString() : null;
        foreach (var required in RequiredFields)
        {
            if (Field(required) is null)
            {
                return OAuthError.Result("invalid_request", $"A required parameter \"{required}\" is missing");
            }
        }

        var linkedIn = options.Value.LinkedIn;
        if (Field("client_id") != linkedIn.ClientId || Field("client_secret") != linkedIn.ClientSecret)
        {
            return OAuthError.Result("invalid_client", "Client authentication failed", StatusCodes.Status401Unauthorized);
        }

        var accessLifetime = TimeSpan.FromSeconds(linkedIn.AccessTokenLifetimeSeconds);
        switch (Field("grant_type"))
        {
            case "authorization_code":
                if (codes.Redeem(Field("code"), Field("client_id"), Field("redirect_uri")) is not { } grant)
                {
                    return OAuthError.Result("invalid_grant", "The provided authorization grant or redirect uri is invalid, expired or revoked");
                }

                var refreshToken = linkedIn.IssueRefreshTokens ? TokenBook.NewSecret("AQW") : null;
                DateTimeOffset? refreshExpiresAt = refreshToken is null ? null : clock.GetUtcNow().AddSeconds(linkedIn.RefreshTokenLifetimeSeconds);
                var issued = tokens.Issue(grant.Person, grant.Person.LinkedInMemberId, grant.Scopes, longLived: true, accessLifetime, refreshToken, refreshExpiresAt);
                return TokenResponse(issued, clock, grant.Scopes.Contains("openid") ? IdToken(grant, linkedIn.ClientId, issued) : null);

            case "refresh_token":
                var previous = Field("refresh_token") is { } presented ? tokens.FindByRefreshToken(presented) : null;
                if (previous is null || previous.Revoked || previous.RefreshExpiresAt <= clock.GetUtcNow())
                {
                    return OAuthError.Result("invalid_request", "The provided refresh token is invalid, expired or revoked");
                }

                // A refresh renews the access token only; the refresh token keeps its original expiry.
                var renewed = tokens.Issue(previous.Person, previous.Subject, previous.Scopes, longLived: true, accessLifetime, previous.RefreshToken, previous.RefreshExpiresAt);
                return TokenResponse(renewed, clock, idToken: null);

            default:
                return OAuthError.Result("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
    }

    private static async Task<IResult> UserInfo(HttpRequest request, LinkedInTokens tokens)
    {
        var (state, token) = tokens.Check(await Faults.AccessTokens.FromRequestAsync(request));
        if (state != TokenState.Valid)
        {
            return LinkedInWire.TokenProblem(state);
        }

        if (!token!.HasScope("openid"))
        {
            return LinkedInWire.AccessDenied("/v2/userinfo");
        }

        var person = token.Person;
        var withEmail = token.HasScope("email");
        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["sub"] = token.Subject,
            ["name"] = person.Name,
            ["given_name"] = person.GivenName,
            ["family_name"] = "Sandbox",
            // LinkedIn serves pictures from media.licdn.com; the sandbox draws its own so they load offline.
            ["picture"] = SandboxAvatars.Url(request, token.Subject, person.Name),
            ["locale"] = new { country = "US", language = "en" },
            ["email"] = withEmail ? person.Email : null,
            ["email_verified"] = withEmail ? true : null,
        }.Where(p => p.Value is not null).ToDictionary());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<Dictionary<string, object>> TokenResponse(IssuedToken token, TimeProvider clock, string? idToken)
    {
        var now = clock.GetUtcNow();
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token.AccessToken,
            ["expires_in"] = (long)(token.ExpiresAt - now).TotalSeconds,
            ["scope"] = string.Join(',', token.Scopes),
            ["token_type"] = "Bearer",
        };
        if (token.RefreshToken is not null)
        {
            body["refresh_token"] = token.RefreshToken;
            body["refresh_token_expires_in"] = (long)(token.RefreshExpiresAt!.Value - now).TotalSeconds;
        }

        if (idToken is not null)
        {
            body["id_token"] = idToken;
        }

        return TypedResults.Json(body);
    }

    /// <summary>Shaped like LinkedIn's id_token but unsigned: the sandbox is not an identity provider anyone should trust.</summary>
    private static string IdToken(CodeGrant grant, string clientId, IssuedToken token)
    {
        static string Segment(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var claims = new
        {
            iss = "https://www.linkedin.com/oauth",
            aud = clientId,
            sub = token.Subject,
            iat = token.IssuedAt.ToUnixTimeSeconds(),
            exp = token.IssuedAt.AddHours(1).ToUnixTimeSeconds(),
            name = grant.Person.Name,
            email = grant.Person.Email,
        };
        return $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(claims)}.{Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox")).TrimEnd('=')}";
    }
}
