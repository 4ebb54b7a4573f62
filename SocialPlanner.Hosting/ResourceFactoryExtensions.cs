using Microsoft.Extensions.Configuration;
using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting;

/// <summary><c>Add*</c> methods of the app model.</summary>
public static class ResourceFactoryExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var server = new PostgresServerResource(name);
        server.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", port: null, environmentVariable: null));
        return builder.AddResource(server);
    }

    /// <summary>
    /// A database on the server; when configuration holds <c>ConnectionStrings:{name}</c> that existing
    /// database is used and no local server is started.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        if (server.ApplicationBuilder.Configuration.GetConnectionString(name) is { Length: > 0 } existing)
        {
            database.ExternalConnectionString = existing;
            server.Resource.IsExternal = true;
        }

        database.Waits.Add(new WaitAnnotation(server.Resource, WaitKind.Healthy));
        return server.ApplicationBuilder.AddResource(database);
    }

    /// <summary>A private redis-server, or the one configuration names in <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = new RedisResource(name)
        {
            ExternalConnectionString = builder.Configuration.GetConnectionString(name) is { Length: > 0 } existing ? existing : null,
        };
        redis.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", port: null, environmentVariable: null));
        return builder.AddResource(redis);
    }

    /// <summary>A connection string that must come from configuration (<c>ConnectionStrings:{name}</c>).</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ConnectionStringResource(name,
            builder.Configuration.GetConnectionString(name)
            ?? throw new DistributedApplicationException($"connection string '{name}' missing: set ConnectionStrings__{name}")));

    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject().ProjectPath);

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        var project = new ProjectResource(name, Path.IsPathRooted(projectPath) ? projectPath : Path.Combine(builder.AppHostDirectory, projectPath));
        project.Endpoints.Add(new EndpointAnnotation("http", "http", port: null, environmentVariable: null));
        return builder.AddResource(project);
    }
}
