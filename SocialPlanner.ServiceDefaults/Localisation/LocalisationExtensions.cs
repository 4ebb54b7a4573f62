using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace SocialPlanner.Localisation;

/// <summary>.NET's resource-based localisation, set up the same way in the Api and the Web: resources sit next to the
/// marker type they are named after (no ResourcesPath), and a request's culture comes from the culture cookie the Web
/// sets from the user's language, else from <c>Accept-Language</c>, else English.</summary>
public static class LocalisationExtensions
{
    public static IServiceCollection AddAppLocalisation(this IServiceCollection services) => services.AddLocalization();

    public static IApplicationBuilder UseAppRequestLocalisation(this IApplicationBuilder app)
    {
        var cultures = Languages.Cultures.ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.Culture(Languages.Default)),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // "fr", "fr-FR", "fr-BE" all mean French: answer with the language's culture rather than falling back.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new LanguageRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>Maps any <c>Accept-Language</c> entry of a language we speak onto that language's culture, so
    /// "fr-FR" formats like the product's French (fr-CH) instead of falling back to English.</summary>
    private sealed class LanguageRequestCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = Languages.FromAcceptLanguage(httpContext.Request.GetTypedHeaders().AcceptLanguage);
            if (language is null)
            {
                return NullProviderCultureResult;
            }
            var culture = Languages.Culture(language).Name;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
        }
    }
}
