using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Connections;

public enum SocialPlatform { Linkedin, Instagram }

/// <summary>A connected account, as <c>GET /api/social/connections</c> lists it (never with its tokens).</summary>
public sealed record SocialConnection(
    SocialPlatform Platform, string? ProfileName, string? ProfileId, bool IsActive, bool ReconnectNeeded,
    DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, string? ProfilePictureUrl = null);

public sealed record ConnectedProfile(string Id, string? Name);

internal sealed record CallbackResult(bool Connected, ConnectedProfile Profile);

public sealed record AuthorizationStart(string AuthorizationUrl);

/// <summary>The Api's <c>/api/social</c> endpoints.</summary>
public sealed class ConnectionsClient(ApiHttp http)
{
    public async Task<IReadOnlyList<SocialConnection>> ListAsync(CancellationToken ct = default) =>
        (await http.GetAsync<List<SocialConnection>>("/api/social/connections", ct)).Data;

    /// <summary>Where to send the browser to consent; the platform redirects back to the Api's callback.</summary>
    public async Task<string> StartAuthorizationAsync(SocialPlatform platform, CancellationToken ct = default) =>
        (await http.PostAsync<AuthorizationStart>($"/api/social/{Path(platform)}/auth", null, ct)).Data.AuthorizationUrl;

    /// <summary>Hands the Api what the platform sent back to the Web's callback page; the Api checks the state and stores the tokens.</summary>
    public async Task<ConnectedProfile> CompleteAuthorizationAsync(SocialPlatform platform, string? code, string? state, string? error,
        CancellationToken ct = default)
    {
        var query = string.Join('&', new[] { ("code", code), ("state", state), ("error", error) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return (await http.PostAsync<CallbackResult>($"/api/social/{Path(platform)}/callback?{query}", null, ct)).Data.Profile;
    }

    public Task DisconnectAsync(SocialPlatform platform, CancellationToken ct = default) => http.DeleteAsync($"/api/social/{Path(platform)}", ct);

    public static string Describe(SocialPlatform platform) => platform == SocialPlatform.Linkedin ? "LinkedIn" : "Instagram";

    private static string Path(SocialPlatform platform) => platform.ToString().ToLowerInvariant();
}
