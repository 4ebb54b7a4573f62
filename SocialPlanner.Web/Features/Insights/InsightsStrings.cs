namespace SocialPlanner.Web.Features.Insights;

/// <summary>Marker of the texts of the Insights page and a published post's figures; they are in InsightsStrings.resx (English) and InsightsStrings.fr.resx.
/// Components of this folder get it as <c>L</c> (its _Imports.razor).</summary>
public sealed class InsightsStrings;
