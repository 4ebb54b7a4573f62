using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Connections;

public enum SocialPlatform { Linkedin, Instagram }

/// <summary>A connected account, as <c>GET /api/social/connections</c> lists it (never with its tokens).</summary>
public sealed record SocialConnection(
    SocialPlatform Platform, string? ProfileName, string? ProfileId, bool IsActive, bool ReconnectNeeded,
    DateTimeOffset? ExpiresAt, DateTimeOffset? CreatedAt);

public sealed record AuthorizationStart(string AuthorizationUrl);

/// <summary>The Api's <c>/api/social</c> endpoints.</summary>
public sealed class ConnectionsClient(ApiHttp http)
{
    public async Task<IReadOnlyList<SocialConnection>> ListAsync(CancellationToken ct = default) =>
        (await http.GetAsync<List<SocialConnection>>("/api/social/connections", ct)).Data;

    /// <summary>Where to send the browser to consent; the platform redirects back to the Api's callback.</summary>
    public async Task<string> StartAuthorizationAsync(SocialPlatform platform, CancellationToken ct = default) =>
        (await http.PostAsync<AuthorizationStart>($"/api/social/{Path(platform)}/auth", null, ct)).Data.AuthorizationUrl;

    public Task DisconnectAsync(SocialPlatform platform, CancellationToken ct = default) => http.DeleteAsync($"/api/social/{Path(platform)}", ct);

    public static string Describe(SocialPlatform platform) => platform == SocialPlatform.Linkedin ? "LinkedIn" : "Instagram";

    private static string Path(SocialPlatform platform) => platform.ToString().ToLowerInvariant();
}
