using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting;

/// <summary>How a run behaves: a developer run and a test run differ only here.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>Environment given to the services (<c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c>).</summary>
    public string EnvironmentName { get; set; } = "Development";

    public bool RandomPorts { get; set; }

    /// <summary>Restart crashed resources (projects, Postgres, Redis; not one-shots) with exponential back-off (1 s, 2 s, 4 s … 30 s).</summary>
    public bool RestartCrashedResources { get; set; } = true;

    public bool DashboardEnabled { get; set; } = true;

    /// <summary>0 picks a free port.</summary>
    public int DashboardPort { get; set; } = DefaultPorts.Dashboard;

    /// <summary>Echo every resource's console to ours, prefixed with the resource name.</summary>
    public bool EchoConsole { get; set; } = true;

    /// <summary>Receives every console line of every resource: (resource, instance, line).</summary>
    public Action<string, int, string>? LogSink { get; set; }

    /// <summary>Private data of Postgres and Redis. Must be traversable by the <c>postgres</c> OS user.</summary>
    public string DataRoot { get; set; } = "/var/tmp/socialplanner/dev";

    /// <summary>Delete <see cref="DataRoot"/> when the application is disposed (test runs).</summary>
    public bool DeleteDataOnDispose { get; set; }

    /// <summary>Where <c>postgres</c>, <c>initdb</c> and <c>redis-server</c> are looked up.</summary>
    public IReadOnlyList<string> ExecutableSearchPaths { get; set; } = ExecutableLocator.DefaultSearchDirectories();

    /// <summary>Given to services as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when set; no telemetry is exported otherwise.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How long a stopping process may take after its signal before its tree is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Used to find the build configuration of the projects' outputs.</summary>
    public System.Reflection.Assembly? AppHostAssembly { get; set; }

    internal static DistributedApplicationOptions ForTesting() => new()
    {
        RandomPorts = true,
        RestartCrashedResources = false,
        DashboardEnabled = false,
        DashboardPort = 0,
        EchoConsole = false,
        DataRoot = Path.Combine("/var/tmp/socialplanner", "test-" + Guid.NewGuid().ToString("N")[..12]),
        DeleteDataOnDispose = true,
        StopGracePeriod = TimeSpan.FromSeconds(5),
    };
}
