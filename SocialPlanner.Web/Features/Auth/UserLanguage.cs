using Microsoft.AspNetCore.Localization;
using SocialPlanner.Localisation;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>The user's language, kept in ASP.NET Core's culture cookie so every request — and the circuit it opens —
/// runs in it. Set at sign-in from the Api's user and when Settings changes it.</summary>
public static class UserLanguage
{
    public static void Remember(HttpContext http, string language)
    {
        if (!Languages.IsSupported(language))
        {
            return;
        }
        var culture = Languages.Culture(language);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
    }
}
