namespace SocialPlanner.Hosting.Dashboard;

/// <summary>
/// Other dashboards reachable through a resource's HTTP endpoint: the place to add a new one.
/// </summary>
internal static class DashboardLinks
{
    private static readonly (string Resource, string Title, string Path)[] s_links =
    [
        ("worker", "Hangfire", "/hangfire"),
        ("api", "Scalar (API reference)", "/scalar"),
        ("sandbox", "Sandbox (inbox, fault injection)", "/"),
    ];

    public static IEnumerable<DashboardLink> For(string resource, string? httpUrl) =>
        httpUrl is null
            ? []
            : s_links.Where(l => l.Resource == resource).Select(l => new DashboardLink(l.Title, httpUrl + l.Path));
}

internal sealed record DashboardLink(string Title, string Url);
