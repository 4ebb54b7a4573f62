namespace SocialPlanner.Web.Features.Auth;

/// <summary>Marker of the sign-in, sign-up and password pages' texts (AuthStrings.resx, AuthStrings.fr.resx).</summary>
public sealed class AuthStrings;
