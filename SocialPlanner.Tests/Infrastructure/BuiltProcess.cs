using System.Diagnostics;
using System.Reflection;

namespace SocialPlanner.Tests.Infrastructure;

/// <summary>Runs one of the solution's built programs (same configuration as the tests) as a child process and
/// collects its output: how the tests exercise the commands a developer runs (the chaos run, the migration service).</summary>
public static class BuiltProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string Configuration { get; } =
        typeof(BuiltProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    /// <summary>The built program of <paramref name="project"/> (same configuration as the tests).</summary>
    public static string Executable(string project) => Path.Combine(RepositoryRoot, project, "bin", Configuration, "net10.0", project);

    public static async Task<(int ExitCode, string Output, string Log)> RunAsync(
        string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan patience)
    {
        var configuration = typeof(BuiltProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", project + ".dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var log = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await output, await log);
    }

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SocialPlanner.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("SocialPlanner.sln not found above the test binaries.");
        }
        return root;
    }
}
