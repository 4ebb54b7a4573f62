/// <summary>Finds the binaries the AppHost runs (Debian's servers without a container runtime, a container CLI): PATH, then Debian's
/// <c>/usr/lib/postgresql/{version}/bin</c> (newest first).</summary>
internal static class MachineBinaries
{
    private static readonly string[] SearchDirectories = [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries),
        .. (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))];

    /// <summary>The binary's path, or null.</summary>
    public static string? Find(string name) => SearchDirectories.Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>The binary's path, or a one-line message naming the package that installs it.</summary>
    public static string Require(string name, string package) =>
        Find(name)
        ?? throw new InvalidOperationException($"{name} not found: run 'apt-get install -y {package}' (or ./run.sh, which installs it)");
}
