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

    /// <summary>The fixed development port, or a free one when ports are randomised (tests).</summary>
    public int Port(int developmentPort) => RandomPorts ? FreePort() : developmentPort;

    private const int LowestRandomPort = 20000;

    // Ports handed out by this process (a test run starts several apps in one process).
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port that is free now and stays free until our server binds it. The port is chosen between 20000
    /// and the start of the kernel's ephemeral range (32768 by default), never from that range: the kernel gives
    /// ephemeral ports to every outgoing connection and to every "any port" listener (DCP's proxies and services),
    /// so a port probed free there can be taken in the seconds before Postgres binds it — a CI run lost its whole
    /// app that way ("could not bind … Address already in use"). Development ports (5000-5090, 15432, 16379,
    /// 18888-18890, 2525) stay below 20000.</summary>
    private static int FreePort()
    {
        var highest = EphemeralRangeStart() - 1;
        lock (HandedOut)
        {
            for (var attempt = 0; highest > LowestRandomPort && attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(LowestRandomPort, highest + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free port between {LowestRandomPort} and {highest}.");
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
