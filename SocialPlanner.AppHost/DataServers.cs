using Microsoft.Extensions.Configuration;

/// <summary>The one place that chooses how Postgres and Redis run: an existing server when the AppHost is given its
/// connection string (<c>ConnectionStrings:socialplanner</c>, <c>ConnectionStrings:cache</c>); otherwise Aspire's
/// container integrations (data volumes, a generated secret password) when publishing or when a container runtime
/// answers, and the machine's own binaries as executables on Linux without one. Services see the same connection
/// strings either way.</summary>
internal static class DataServers
{
    public static IResourceBuilder<IResourceWithConnectionString> AddAppDatabase(this IDistributedApplicationBuilder builder,
        string serverName, string databaseName, AppHostSettings settings)
    {
        if (builder.ExecutionContext.IsRunMode && !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(databaseName)))
        {
            return builder.AddConnectionString(databaseName);
        }
        return settings.UseContainers || !OperatingSystem.IsLinux()
            ? builder.AddPostgres(serverName).WithDataVolume().AddDatabase(databaseName)
            : builder.AddLocalPostgres(serverName, settings).AddDatabase(databaseName);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddAppRedis(this IDistributedApplicationBuilder builder,
        string name, AppHostSettings settings)
    {
        if (builder.ExecutionContext.IsRunMode && !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name)))
        {
            return builder.AddConnectionString(name);
        }
        return settings.UseContainers || !OperatingSystem.IsLinux()
            ? builder.AddRedis(name).WithDataVolume()
            : builder.AddLocalRedis(name, settings);
    }
}
