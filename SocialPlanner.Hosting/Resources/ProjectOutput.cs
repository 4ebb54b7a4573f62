using System.Reflection;

namespace SocialPlanner.Hosting.Resources;

/// <summary>
/// Finds a project's already-built assembly: <c>bin/{configuration}/{tfm}/{Name}.dll</c>, with the
/// configuration the AppHost itself was built with (building the AppHost builds its projects).
/// </summary>
internal static class ProjectOutput
{
    public static string ConfigurationOf(Assembly? appHost) =>
        appHost?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    public static string? FindAssembly(string projectPath, string configuration)
    {
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var bin = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration);
        return Directory.Exists(bin)
            ? Directory.EnumerateDirectories(bin)
                .Select(tfm => Path.Combine(tfm, name + ".dll"))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
    }

    /// <summary>The muxer that runs us (via <c>dotnet run</c>/<c>dotnet test</c>), else the one in PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
