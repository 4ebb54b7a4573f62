using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

/// <summary>What differs between a developer's run and a test run, read from the AppHost's configuration
/// (<c>SocialPlanner:*</c>, e.g. <c>--SocialPlanner:DataRoot=/var/tmp/x</c>).</summary>
internal sealed class AppHostSettings
{
    /// <summary>Postgres and Redis data, and the uploaded media. Every parent must be traversable by the
    /// <c>postgres</c> OS user, hence not under /root.</summary>
    public required string DataRoot { get; init; }

    /// <summary>Aspire.Hosting.Testing sets <c>DcpPublisher:RandomizePorts</c>: then the servers we start ourselves
    /// take free ports too, so test runs never collide with each other or with a developer's run.</summary>
    public required bool RandomPorts { get; init; }

    /// <summary>Throw-away data (tests): Postgres skips fsync, as durability only costs time there.</summary>
    public required bool ThrowAwayData { get; init; }

    /// <summary>Restart a service or server that exits without being asked to (off in tests that kill on purpose
    /// and restart themselves).</summary>
    public required bool RestartCrashedResources { get; init; }

    /// <summary>Containers (Aspire's Postgres and Redis integrations) instead of the machine's binaries:
    /// <c>SocialPlanner:DataServers</c> = <c>containers</c> | <c>executables</c>; unset, containers when publishing
    /// or when a container runtime answers.</summary>
    public required bool UseContainers { get; init; }

    public static AppHostSettings From(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var servers = configuration["SocialPlanner:DataServers"];
        return new AppHostSettings
        {
            DataRoot = configuration["SocialPlanner:DataRoot"] ?? "/var/tmp/socialplanner/dev",
            RandomPorts = configuration.GetValue<bool>("DcpPublisher:RandomizePorts"),
            ThrowAwayData = configuration.GetValue<bool>("SocialPlanner:ThrowAwayData"),
            RestartCrashedResources = configuration.GetValue("SocialPlanner:RestartCrashedResources", true),
            UseContainers = servers switch
            {
                "containers" => true,
                "executables" => false,
                _ => builder.ExecutionContext.IsPublishMode || ContainerRuntime.Answers(),
            },
        };
    }

    /// <summary>The fixed development port, or a free one when ports are randomised (tests). Development ports stay
    /// below the kernel's ephemeral range (32768+), so a test run's free ports never take them.</summary>
    public int Port(int developmentPort) => RandomPorts ? FreePort() : developmentPort;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
