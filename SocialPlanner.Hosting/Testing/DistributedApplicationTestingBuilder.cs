using System.Reflection;
using Microsoft.Extensions.Configuration;
using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting.Testing;

/// <summary>A builder for tests: the same model API, plus tweaks and an async build.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or overrides one environment variable of a resource.</summary>
    IDistributedApplicationTestingBuilder WithResourceEnvironment(string resourceName, string name, string value);

    /// <summary>Runs <paramref name="replicas"/> processes of an existing resource, e.g. two workers competing for one queue.</summary>
    IDistributedApplicationTestingBuilder WithResourceReplicas(string resourceName, int replicas);
}

/// <summary>
/// Mirrors Aspire.Hosting.Testing: the AppHost's own model with random free ports, a fresh temp data
/// directory, no restarts, no dashboard, child consoles captured rather than echoed.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken)
        where TEntryPoint : class =>
        CreateAsync<TEntryPoint>(null, cancellationToken);

    /// <summary>Runs the entry point of <typeparamref name="TEntryPoint"/>'s assembly (the AppHost) up to <c>Build()</c>.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[]? args = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var appHost = typeof(TEntryPoint).Assembly;
        var options = DistributedApplicationOptions.ForTesting();
        options.AppHostAssembly = appHost;
        var builder = await new EntryPointCapture(options).CaptureAsync(appHost, args ?? [], cancellationToken);
        return new TestingBuilder(builder);
    }

    /// <summary>An empty model, for tests that assemble their own resources.</summary>
    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var options = DistributedApplicationOptions.ForTesting();
        options.AppHostAssembly = Assembly.GetEntryAssembly();
        return new TestingBuilder(new DistributedApplicationBuilder(args, options, capture: null));
    }

    private sealed class TestingBuilder(IDistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public ConfigurationManager Configuration => inner.Configuration;

        public DistributedApplicationOptions Options => inner.Options;

        public IList<IResource> Resources => inner.Resources;

        public string AppHostDirectory => inner.AppHostDirectory;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public DistributedApplication Build() => inner.Build();

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

        public IDistributedApplicationTestingBuilder WithResourceEnvironment(string resourceName, string name, string value)
        {
            this.CreateResourceBuilder<Resource>(resourceName).WithEnvironment(name, value);
            return this;
        }

        public IDistributedApplicationTestingBuilder WithResourceReplicas(string resourceName, int replicas)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
            this.CreateResourceBuilder<Resource>(resourceName).Resource.Replicas = replicas;
            return this;
        }
    }
}
