namespace SocialPlanner.Hosting.Dashboard;

/// <summary>The dashboard's single page, embedded so the AppHost needs no static files on disk.</summary>
internal static class DashboardPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("SocialPlanner.Hosting.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("dashboard.html is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
