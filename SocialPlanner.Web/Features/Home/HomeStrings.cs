namespace SocialPlanner.Web.Features.Home;

/// <summary>Marker of the home page's texts (HomeStrings.resx, HomeStrings.fr.resx).</summary>
public sealed class HomeStrings;
