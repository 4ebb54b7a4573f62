using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialPlanner.Sandbox.Media;

/// <summary>Profile pictures for the sandbox's members and accounts: a coloured disc with the account's initial,
/// served by the sandbox itself so the OAuth profiles' picture URLs load without the internet.</summary>
public static class SandboxAvatars
{
    private static readonly string[] Colours = ["#0a66c2", "#2e7d32", "#6a1b9a", "#c62828", "#ef6c00", "#00838f"];

    public static string Url(HttpRequest request, string subject, string? name) =>
        $"{request.Scheme}://{request.Host}/sandbox/avatars/{Uri.EscapeDataString(subject)}.svg?name={Uri.EscapeDataString(name ?? "")}";

    public static IEndpointRouteBuilder MapSandboxAvatars(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/avatars/{subject}.svg", (string subject, string? name) => TypedResults.Text(Svg(subject, name), "image/svg+xml"))
            .WithName("SandboxAvatar").WithSummary("A member's or account's profile picture");
        return app;
    }

    /// <summary>The same subject always gets the same picture.</summary>
    private static string Svg(string subject, string? name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(subject));
        var colour = Colours[hash[0] % Colours.Length];
        var initial = (name ?? subject).FirstOrDefault(char.IsLetter) is var c and not default(char) ? char.ToUpperInvariant(c).ToString() : "S";
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><circle cx="48" cy="48" r="48" fill="{colour}"/><text x="48" y="63" font-family="sans-serif" font-size="44" font-weight="700" fill="#fff" text-anchor="middle">{initial}</text></svg>""");
    }
}
