using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting;

/// <summary>Aspire's way back into a model built elsewhere (typically the AppHost's, from a test).</summary>
public static class DistributedApplicationBuilderExtensions
{
    /// <summary>A builder for the existing resource <paramref name="name"/>, so the usual verbs
    /// (<c>WithReplicas</c>, <c>WithEnvironment</c>, …) can change it before the application is built.</summary>
    public static IResourceBuilder<T> CreateResourceBuilder<T>(this IDistributedApplicationBuilder builder, string name)
        where T : IResource
    {
        var resource = builder.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));
        return resource is T typed
            ? new ResourceBuilder<T>(typed, builder)
            : throw new ArgumentException($"Resource '{name}' is a {resource.GetType().Name}, not a {typeof(T).Name}.", nameof(name));
    }
}
