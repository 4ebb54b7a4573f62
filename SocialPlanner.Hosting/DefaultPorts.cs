namespace SocialPlanner.Hosting;

/// <summary>
/// Stable ports of a developer run, in one place. Tests (and <c>--Hosting:RandomPorts=true</c>) use free
/// ports instead; replicas after the first always get free ports.
/// </summary>
public static class DefaultPorts
{
    public const int Dashboard = 18888;

    private static readonly Dictionary<(string Resource, string Endpoint), int> s_ports = new()
    {
        [("api", "http")] = 5080,
        [("web", "http")] = 5000,
        [("worker", "http")] = 5090,
        [("sandbox", "http")] = 5070,
        [("sandbox", "smtp")] = 2525,
        [("postgres", "tcp")] = 55432,
        [("cache", "tcp")] = 56379,
    };

    public static int? For(string resource, string endpoint) =>
        s_ports.TryGetValue((resource, endpoint), out var port) ? port : null;
}
