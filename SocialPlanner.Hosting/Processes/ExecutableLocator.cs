namespace SocialPlanner.Hosting.Processes;

/// <summary>Finds OS binaries (postgres, redis-server) in PATH and the Debian PostgreSQL layout.</summary>
public sealed class ExecutableLocator(IReadOnlyList<string> searchDirectories)
{
    public IReadOnlyList<string> SearchDirectories { get; } = searchDirectories;

    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var postgresVersions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
            : [];
        return [.. path.Split(':', StringSplitOptions.RemoveEmptyEntries), .. postgresVersions];
    }

    public string? Find(string name) =>
        SearchDirectories.Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>The binary's path, or a one-line message naming the install command.</summary>
    public string Require(string name, string package) =>
        Find(name) ?? throw new DistributedApplicationException(
            $"{name} not found: run 'apt-get install -y {package}' (or ./run.sh, which installs it)");

    private static int VersionOf(string directory) =>
        int.TryParse(Path.GetFileName(directory), out var version) ? version : 0;
}
