using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting;

/// <summary>The Aspire-named verbs that wire resources together.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Gives <paramref name="source"/>'s connection string as <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : Resource
    {
        var resource = source.Resource;
        return builder.WithEnvironment(environment =>
            environment[$"ConnectionStrings__{resource.ConnectionStringName}"] = resource.GetConnectionString());
    }

    /// <summary>Service discovery: <c>services__{name}__http__{i}</c> for every replica of <paramref name="project"/>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> project)
        where T : Resource
    {
        var target = project.Resource;
        return builder.WithEnvironment(environment =>
        {
            for (var instance = 0; instance < target.Replicas; instance++)
            {
                environment[$"services__{target.Name}__http__{instance}"] = target.HttpEndpoint.UrlOf(instance);
            }
        });
    }

    /// <summary>Hands another resource's endpoint over as a connection string, e.g. <c>ConnectionStrings__mail=smtp://127.0.0.1:2525</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, EndpointReference endpoint, string connectionName)
        where T : Resource =>
        builder.WithEnvironment(environment => environment[$"ConnectionStrings__{connectionName}"] = endpoint.Url);

    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        builder.Resource.Waits.Add(new WaitAnnotation(AsResource(dependency), WaitKind.Healthy));
        return builder;
    }

    /// <summary>Starts <paramref name="builder"/> only after the one-shot <paramref name="dependency"/> exited with code 0.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        var resource = AsResource(dependency);
        resource.IsOneShot = true;
        builder.Resource.Waits.Add(new WaitAnnotation(resource, WaitKind.Completion));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args)
        where T : Resource
    {
        builder.Resource.Arguments.AddRange(args);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource =>
        builder.WithEnvironment(environment => environment[name] = value);

    /// <summary>A value computed at launch, once every port is known, e.g. from another resource's endpoint.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> value)
        where T : Resource =>
        builder.WithEnvironment(environment => environment[name] = value());

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<IDictionary<string, string>> apply)
        where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(apply);
        return builder;
    }

    /// <summary>Fixes the port of an HTTP endpoint (instance 0), or adds a named one.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http", string? env = null)
        where T : Resource
    {
        if (builder.Resource.Endpoints.FirstOrDefault(e => e.Name == name) is { } existing)
        {
            existing.Port = port ?? existing.Port;
            return builder;
        }

        builder.Resource.Endpoints.Add(new EndpointAnnotation(name, "http", port, env));
        return builder;
    }

    /// <summary>An extra TCP endpoint; its port is given to the resource itself in <paramref name="envVar"/>.</summary>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, int? port = null, string? scheme = null, string? envVar = null)
        where T : Resource
    {
        builder.Resource.Endpoints.Add(new EndpointAnnotation(name, scheme ?? name, port, envVar));
        return builder;
    }

    /// <summary>Marks HTTP endpoints as meant for a browser; the dashboard lists them first.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder)
        where T : Resource
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.Scheme == "http"))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name)
        where T : Resource =>
        new(builder.Resource, name);

    private static Resource AsResource(IResourceBuilder<IResource> builder) =>
        builder.Resource as Resource ?? throw new ArgumentException($"'{builder.Resource.Name}' is not a runnable resource.", nameof(builder));
}
