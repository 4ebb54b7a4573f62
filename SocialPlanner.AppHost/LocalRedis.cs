using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

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
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", name: healthKey);

        return builder.AddResource(server)
            .WithArgs("--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", directory, "--daemonize", "no")
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .WithIconName("Memory");
    }
}
