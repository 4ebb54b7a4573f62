using System.Globalization;
using System.Net.Sockets;
using System.Text;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Resources;

/// <summary>A private, non-persistent redis-server on 127.0.0.1.</summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Type => "Redis";

    /// <summary>From configuration (<c>ConnectionStrings:{name}</c>): an existing server, nothing is started.</summary>
    public string? ExternalConnectionString { get; internal set; }

    internal override bool HasProcess => ExternalConnectionString is null;

    internal override int ShutdownTier => 1;

    public string GetConnectionString() => ExternalConnectionString ?? $"127.0.0.1:{Endpoints[0].PortOf(0)}";

    internal override void CheckPrerequisites(RunContext context)
    {
        if (HasProcess)
        {
            context.Locator.Require("redis-server", "redis-server");
        }
    }

    internal override ProcessSpec CreateProcess(RunContext context, int instance)
    {
        var directory = Path.Combine(context.DataRoot, Name);
        Directory.CreateDirectory(directory);
        return new ProcessSpec(
            context.Locator.Require("redis-server", "redis-server"),
            ["--port", Endpoints[0].PortOf(instance).ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no"],
            new Dictionary<string, string>(),
            directory);
    }

    internal override async Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken)
    {
        if (!HasProcess)
        {
            return true;
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Endpoints[0].PortOf(instance), cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var reply = new byte[7];
            var read = await stream.ReadAtLeastAsync(reply, 5, throwOnEndOfStream: false, cancellationToken);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }
}
