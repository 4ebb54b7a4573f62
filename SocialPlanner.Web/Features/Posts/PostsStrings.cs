namespace SocialPlanner.Web.Features.Posts;

/// <summary>Marker of the texts of the post list, the editor and its cards, the previews and counters; they are in PostsStrings.resx (English) and PostsStrings.fr.resx.
/// Components of this folder get it as <c>L</c> (its _Imports.razor).</summary>
public sealed class PostsStrings;
