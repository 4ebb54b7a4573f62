using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Orchestration;

/// <summary>What resources need from the running application: options, binaries, their data directory.</summary>
internal sealed class RunContext(DistributedApplicationOptions options)
{
    public DistributedApplicationOptions Options { get; } = options;

    public ConsoleLog Log { get; } = new(options);

    public ExecutableLocator Locator { get; } = new(options.ExecutableSearchPaths);

    /// <summary>Per-resource private directories live below this one.</summary>
    public string DataRoot => Options.DataRoot;

    public HttpClient HealthClient { get; } = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Runs a helper (e.g. initdb) to its end, its console going to <paramref name="resource"/>'s log.</summary>
    public async Task<int> RunToCompletionAsync(string resource, ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var process = ManagedProcess.Start(spec, (isError, line) => Log.Write(resource, 0, isError, line));
        await using var registration = cancellationToken.Register(process.Kill);
        return await process.Exited;
    }

    public int AllocatePort(string resource, EndpointSpec endpoint, int instance)
    {
        if (!Options.RandomPorts && instance == 0 && (endpoint.FixedPort ?? DefaultPorts.For(resource, endpoint.Name)) is { } port)
        {
            return port;
        }

        return PortAllocator.FreePort();
    }
}

internal readonly record struct EndpointSpec(string Name, int? FixedPort);
