using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

/// <summary>Redis from the machine's own <c>redis-server</c> as an Aspire executable, on 127.0.0.1 only. It holds
/// caches, rate-limit windows and the token deny-list, all of which the services rebuild or fail open on, so it
/// keeps nothing on disk.</summary>
internal sealed class LocalRedisResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class LocalRedis
{
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, AppHostSettings settings)
    {
        var redis = MachineBinaries.Require("redis-server", "redis-server");
        var directory = Path.Combine(settings.DataRoot, name);
        Directory.CreateDirectory(directory);
        var port = settings.Port(16379);
        var server = new LocalRedisResource(name, redis, directory);
        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, ct => PingAsync(port, ct));

        return builder.AddResource(server)
            .WithArgs("--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", directory, "--daemonize", "no")
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .WithIconName("Memory");
    }

    private static async Task<HealthCheckResult> PingAsync(int port, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("PING was not answered with PONG");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
