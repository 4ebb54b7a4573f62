namespace SocialPlanner.Web.Features.Auth;

public static class ReturnUrl
{
    /// <summary>Only a path of this site: a sign-in link must not become an open redirect to another site.</summary>
    public static string Local(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
