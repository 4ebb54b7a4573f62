namespace SocialPlanner.Web.Features.Templates;

/// <summary>Marker of the texts of the Templates page, its dialogs and the template categories; they are in TemplatesStrings.resx (English) and TemplatesStrings.fr.resx.
/// Components of this folder get it as <c>L</c> (its _Imports.razor).</summary>
public sealed class TemplatesStrings;
