namespace SocialPlanner.Web.Features.Api;

/// <summary>Marker of the words an Api failure is told in (ApiStrings.resx, ApiStrings.fr.resx): headings by error type,
/// statuses in words, field names.</summary>
public sealed class ApiStrings;
