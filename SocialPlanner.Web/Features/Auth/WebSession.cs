using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>Starts and ends the browser's session: the encrypted auth cookie names a server-side entry holding the Api tokens.</summary>
public sealed class WebSession(SessionTokenStore store, AuthClient auth, ILogger<WebSession> logger)
{
    public const string SessionKeyClaim = "sp_session";

    public async Task SignInAsync(HttpContext http, AuthResult result, CancellationToken ct = default)
    {
        var sessionKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await store.SetAsync(sessionKey, result.Session, ct);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, result.User.Id.ToString()),
            new Claim(ClaimTypes.Name, result.User.Email),
            new Claim(ClaimTypes.Email, result.User.Email),
            new Claim(SessionKeyClaim, sessionKey),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
        if (result.User.Language is { } language)
        {
            UserLanguage.Remember(http, language);
        }
    }

    /// <summary>Revokes the Api session, forgets the tokens and clears the cookie — even when the Api is unreachable.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken ct = default)
    {
        if (http.User.FindFirstValue(SessionKeyClaim) is { } sessionKey)
        {
            try
            {
                await auth.LogoutAsync(ct);
            }
            catch (ApiException e)
            {
                logger.LogWarning("Signing out: the Api did not revoke the session ({Status}); it will expire on its own", e.Status);
            }
            await store.RemoveAsync(sessionKey, ct);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Forgets the Api tokens of a session whose Api side is already gone (the account was deleted). Usable from
    /// a circuit, which cannot clear the cookie: the next request finds no tokens, and <see cref="ValidateAsync"/> clears it.</summary>
    public async Task ForgetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(SessionKeyClaim) is { } sessionKey)
        {
            await store.RemoveAsync(sessionKey, ct);
        }
    }

    /// <summary>A cookie whose tokens are gone (signed out elsewhere, refresh refused, cache lost) is no session.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionTokenStore>();
        if (context.Principal?.FindFirstValue(SessionKeyClaim) is not { } key || await store.GetAsync(key) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
