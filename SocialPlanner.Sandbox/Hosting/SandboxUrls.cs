namespace SocialPlanner.Sandbox.Hosting;

/// <summary>
/// The sandbox's own public address, used in redirects and upload URLs it hands out.
/// Taken from the first of ASPNETCORE_URLS because that is what the orchestrator promises callers.
/// </summary>
public sealed class SandboxUrls(IConfiguration configuration)
{
    public string BaseUrl(HttpRequest request)
    {
        var first = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        if (first is null)
        {
            return $"{request.Scheme}://{request.Host}";
        }

        // Wildcard bindings are not addresses a client can call.
        return first.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").TrimEnd('/');
    }
}
