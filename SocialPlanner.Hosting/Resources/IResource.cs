namespace SocialPlanner.Hosting.Resources;

public interface IResource
{
    string Name { get; }
}

/// <summary>A resource whose consumers receive <c>ConnectionStrings__{ConnectionStringName}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    string ConnectionStringName => Name;

    /// <summary>Known once the application is built (ports and passwords are allocated by then).</summary>
    string GetConnectionString();
}

public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    IDistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed class ResourceBuilder<T>(T resource, IDistributedApplicationBuilder applicationBuilder) : IResourceBuilder<T>
    where T : IResource
{
    public T Resource { get; } = resource;

    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}
