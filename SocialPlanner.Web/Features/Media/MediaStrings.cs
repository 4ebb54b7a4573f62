namespace SocialPlanner.Web.Features.Media;

/// <summary>Marker of the texts of the media library and its picker; they are in MediaStrings.resx (English) and MediaStrings.fr.resx.
/// Components of this folder get it as <c>L</c> (its _Imports.razor).</summary>
public sealed class MediaStrings;
