namespace SocialPlanner.Web.Features.Settings;

/// <summary>Marker of the Settings page's texts (SettingsStrings.resx, SettingsStrings.fr.resx).</summary>
public sealed class SettingsStrings;
