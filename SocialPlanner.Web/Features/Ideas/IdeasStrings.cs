namespace SocialPlanner.Web.Features.Ideas;

/// <summary>Marker of the texts of the Ideas page and the AI's choices (tones, lengths, variations); they are in IdeasStrings.resx (English) and IdeasStrings.fr.resx.
/// Components of this folder get it as <c>L</c> (its _Imports.razor).</summary>
public sealed class IdeasStrings;
