using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>
/// Business Login for Instagram (platform-apis.md §2.2). The code exchange answers the flat
/// <c>{access_token, user_id, permissions}</c> form (user_id a number, permissions comma-separated):
/// the <c>data[]</c> wrapper is unconfirmed, and clients must accept the flat form either way.
/// </summary>
public static class InstagramOAuthEndpoints
{
    private static readonly string[] Scopes =
        ["instagram_business_basic", "instagram_business_content_publish", "instagram_business_manage_comments", "instagram_business_manage_messages", "instagram_business_manage_insights"];

    public static IEndpointRouteBuilder MapInstagramLogin(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/oauth/authorize", ["GET", "POST"], Authorize).Instagram("authorize").WithName("InstagramAuthorize");
        app.MapPost("/oauth/access_token", ExchangeCode).Instagram("token").WithName("InstagramExchangeCode").DisableAntiforgery();
        return app;
    }

    public static RouteGroupBuilder MapInstagramTokens(this RouteGroupBuilder graph, string nameSuffix)
    {
        graph.MapGet("/access_token", ExchangeForLongLived).Instagram("token").WithName("InstagramLongLivedToken" + nameSuffix);
        graph.MapGet("/refresh_access_token", Refresh).Instagram("token").WithName("InstagramRefreshToken" + nameSuffix);
        graph.MapGet("/me", Me).Instagram("me").WithName("InstagramMe" + nameSuffix);
        graph.MapDelete("/me/permissions", RevokePermissions).Instagram("revoke").WithName("InstagramRevokePermissions" + nameSuffix);
        return graph;
    }

    private static Task<IResult> Authorize(HttpRequest request, IOptions<SandboxOptions> options, AuthorizationCodes codes)
    {
        var instagram = options.Value.Instagram;
        var settings = new ConsentSettings(
            "Instagram",
            instagram.ClientId,
            Scopes.ToHashSet(),
            TimeSpan.FromSeconds(instagram.CodeLifetimeSeconds),
            "access_denied",
            "The user denied your request.",
            RedirectSuffix: "#_");
        return ConsentFlow.AuthorizeAsync(request, settings, codes);
    }

    private static async Task<IResult> ExchangeCode(HttpRequest request, IOptions<SandboxOptions> options, AuthorizationCodes codes, InstagramTokens tokens)
    {
        var form = await GraphWire.ParametersAsync(request);
        var instagram = options.Value.Instagram;
        if (form.GetValueOrDefault("client_id") != instagram.ClientId || form.GetValueOrDefault("client_secret") != instagram.ClientSecret)
        {
            return LoginError("Invalid platform app");
        }

        if (form.GetValueOrDefault("grant_type") != "authorization_code")
        {
            return LoginError("Invalid grant_type");
        }

        if (codes.Redeem(form.GetValueOrDefault("code"), instagram.ClientId, form.GetValueOrDefault("redirect_uri")) is not { } grant)
        {
            return LoginError("Invalid authorization code");
        }

        var token = tokens.Issue(grant.Person, grant.Person.InstagramUserId, grant.Scopes, longLived: false, TimeSpan.FromSeconds(instagram.ShortLivedTokenLifetimeSeconds));
        return TypedResults.Json(new { access_token = token.AccessToken, user_id = long.Parse(token.Subject, System.Globalization.CultureInfo.InvariantCulture), permissions = string.Join(',', token.Scopes) });
    }

    private static async Task<IResult> ExchangeForLongLived(HttpRequest request, IOptions<SandboxOptions> options, InstagramTokens tokens)
    {
        var parameters = await GraphWire.ParametersAsync(request);
        var instagram = options.Value.Instagram;
        if (parameters.GetValueOrDefault("grant_type") != "ig_exchange_token" || parameters.GetValueOrDefault("client_secret") != instagram.ClientSecret)
        {
            return GraphWire.Error(new GraphError(101, null, "Error validating client secret or grant_type."));
        }

        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (token.LongLived)
        {
            return GraphWire.Error(new GraphError(452, null, "Session key invalid. This format of session key has been deprecated."));
        }

        return LongLived(tokens.Issue(token.Person, token.Subject, token.Scopes, longLived: true, TimeSpan.FromSeconds(instagram.LongLivedTokenLifetimeSeconds)));
    }

    private static async Task<IResult> Refresh(HttpRequest request, IOptions<SandboxOptions> options, InstagramTokens tokens, TimeProvider clock, string? grant_type)
    {
        if (grant_type != "ig_refresh_token")
        {
            return GraphWire.Error(new GraphError(100, null, "grant_type must be ig_refresh_token"));
        }

        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        var instagram = options.Value.Instagram;
        if (!token.LongLived || clock.GetUtcNow() - token.IssuedAt < TimeSpan.FromSeconds(instagram.RefreshMinimumAgeSeconds))
        {
            return GraphWire.Error(new GraphError(190, null, "Only long-lived tokens at least 24 hours old can be refreshed."));
        }

        return LongLived(tokens.Issue(token.Person, token.Subject, token.Scopes, longLived: true, TimeSpan.FromSeconds(instagram.LongLivedTokenLifetimeSeconds)));
    }

    /// <summary>The app's grant withdrawn, as Graph's <c>DELETE /me/permissions</c> does for Facebook Login. Whether Instagram
    /// Login's graph.instagram.com serves it is unconfirmed (platform-apis.md has no revocation); the Api calls it when an
    /// account is deleted. The grant is the account's, so every token issued under it (the short-lived one the long-lived
    /// was exchanged from too) answers 190 afterwards.</summary>
    private static async Task<IResult> RevokePermissions(HttpRequest request, InstagramTokens tokens)
    {
        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        tokens.ExpireNow(token.Subject, revoke: true);
        return TypedResults.Json(new { success = true });
    }

    private static async Task<IResult> Me(HttpRequest request, InstagramTokens tokens, string? fields)
    {
        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        var wanted = GraphWire.Fields(fields, "id");
        var me = new Dictionary<string, object>
        {
            ["id"] = token.Subject,
            ["user_id"] = token.Subject,
            ["username"] = token.Person.Username,
            ["name"] = token.Person.Name,
            ["account_type"] = "BUSINESS",
            ["profile_picture_url"] = SandboxAvatars.Url(request, token.Subject, token.Person.Name),
        };
        return TypedResults.Json(me.Where(p => wanted.Contains(p.Key)).ToDictionary());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<LongLivedToken> LongLived(IssuedToken token) =>
        TypedResults.Json(new LongLivedToken(token.AccessToken, "bearer", (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds));

    /// <summary>api.instagram.com's own error form, unlike the Graph envelope.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<LoginErrorBody> LoginError(string message) =>
        TypedResults.Json(new LoginErrorBody("OAuthException", 400, message), statusCode: StatusCodes.Status400BadRequest);

    private sealed record LongLivedToken(string AccessToken, string TokenType, long ExpiresIn);

    private sealed record LoginErrorBody(string ErrorType, int Code, string ErrorMessage);
}
