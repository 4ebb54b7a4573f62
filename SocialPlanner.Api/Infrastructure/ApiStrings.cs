namespace SocialPlanner.Api.Infrastructure;

/// <summary>Names the Api's resources (<c>ApiStrings.resx</c>, <c>ApiStrings.fr.resx</c>): every error title, detail and
/// field message a client reads.</summary>
public sealed class ApiStrings;
