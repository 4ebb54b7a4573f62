using System.Globalization;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Localisation;

/// <summary>Writes a text for one user rather than for the request at hand (an email, a calendar feed): until disposed,
/// resources and formats follow the user's stored language (<c>users.language</c>, <see cref="Languages.Culture"/>).
/// The Worker has no request at all.</summary>
public sealed class UserCulture : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private UserCulture(string? language)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var culture = Languages.Culture(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static UserCulture Use(string? language) => new(language);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
