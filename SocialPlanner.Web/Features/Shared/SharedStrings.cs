namespace SocialPlanner.Web.Features.Shared;

/// <summary>Marker of the words every page uses (Save, Cancel, network and status names); the texts are in
/// SharedStrings.resx (English) and SharedStrings.fr.resx. Components get it as <c>S</c> (Features/_Imports.razor).</summary>
public sealed class SharedStrings;
