using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>
/// Starts the built Sandbox as a separate process on free ports, as the orchestrator will.
/// Deliberately small: the shared testing builder replaces it once that exists.
/// </summary>
public sealed class SandboxProcessFixture : IAsyncLifetime
{
    /// <summary>Settings that make the emulator's slower behaviours observable within a test run.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Sandbox__Instagram__ContainerInProgressPolls"] = "1",
        ["Sandbox__Instagram__QuotaTotal"] = "3",
    };

    private readonly StringBuilder output = new();
    private Process? process;

    public Uri BaseUrl { get; private set; } = null!;

    public int SmtpPort { get; private set; }

    public HttpClient CreateClient(TimeSpan? timeout = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = BaseUrl,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };

    public async ValueTask InitializeAsync()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        SmtpPort = FreePort();
        var start = new ProcessStartInfo("dotnet", ["exec", SandboxAssemblyPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseUrl.ToString().TrimEnd('/');
        start.Environment["Sandbox__SmtpPort"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet exec did not start");
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAliveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private async Task WaitUntilAliveAsync()
    {
        using var client = CreateClient(TimeSpan.FromSeconds(2));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Sandbox exited with {process.ExitCode}:\n{Output()}");
            }

            try
            {
                if ((await client.GetAsync("/alive")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Sandbox did not answer /alive within 60 s:\n{Output()}");
    }

    private void Capture(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string SandboxAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SocialPlanner.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("SocialPlanner.sln not found above the test output"),
            "SocialPlanner.Sandbox", "bin", configuration, "net10.0", "SocialPlanner.Sandbox.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxProcessGroup : ICollectionFixture<SandboxProcessFixture>
{
    public const string Name = "Sandbox process";
}
