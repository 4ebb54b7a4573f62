using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialPlanner.Benchmarks;

namespace SocialPlanner.Tests.Infrastructure;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The whole AppHost model on Aspire.Hosting.Testing, started once for the collection: every service healthy before
/// the first test runs, everything stopped and its private data deleted after the last. Subclasses change the model
/// (replicas, settings) in <see cref="Configure"/> for collections of their own.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["sandbox", "api", "worker", "web"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly ConcurrentQueue<string> _logs = new();
    private readonly string _dataRoot = AppHostArguments.NewDataRoot();
    private DistributedApplication? _app;
    private ResourceInstances? _instances;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    private ResourceInstances Instances => _instances ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource);

    public async Task<string> GetConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"No connection string '{name}'.");

    /// <summary>The operator's address the Worker mails AI cost alerts to (<c>Ai:CostAlertEmail</c>).</summary>
    public const string CostAlertEmail = "ops@socialplanner.test";

    /// <summary>The resource's endpoint as other services reach it (through Aspire's proxy, across replicas).</summary>
    public Uri GetEndpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>One replica's own address, behind the proxy: what the replica listens on (<c>ASPNETCORE_URLS</c>).</summary>
    public Uri GetReplicaEndpoint(string resource, int instance) => Instances.Endpoint(resource, instance);

    /// <summary>Stops one instance through Aspire's stop command, as the dashboard's button does.</summary>
    public Task StopResourceAsync(string resource, int instance = 0) => Instances.StopAsync(resource, instance, ApiClient.Ct);

    public Task StartResourceAsync(string resource, int instance = 0) => Instances.StartAsync(resource, instance, ApiClient.Ct);

    /// <summary>SIGKILLs one instance's process: a crash, not a stop.</summary>
    public Task KillResourceAsync(string resource, int instance = 0) => Instances.KillAsync(resource, instance, ApiClient.Ct);

    /// <summary>Recent console lines of every resource, "[resource] line", for failure messages.</summary>
    public string RecentLogs(int lines = 200) => string.Join(Environment.NewLine, _logs.TakeLast(lines));

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialPlanner_AppHost>(
            AppHostArguments.For(_dataRoot), timeout.Token);
        // The services' console goes to RecentLogs (shown when the app fails to start), not to the test run's output.
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(new ResourceLogSink(Remember)));
        // Every test signs up from 127.0.0.1 and the suite runs in parallel: the anonymous (per-IP) and global
        // limits would throttle the suite itself. The per-user and AI limits stay as configured, and are tested.
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("RateLimiting__GlobalPerMinute", "1000000")
            .WithEnvironment("RateLimiting__AnonymousPerMinute", "1000000");
        builder.CreateResourceBuilder<ProjectResource>("worker").WithEnvironment("Ai__CostAlertEmail", CostAlertEmail);
        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        _instances = ResourceInstances.Follow(_app);
        try
        {
            await _app.StartAsync(timeout.Token);
            await Task.WhenAll(Services.Select(s => _app.ResourceNotifications.WaitForResourceHealthyAsync(s, timeout.Token)));
        }
        catch (Exception e) when (e is DistributedApplicationException or OperationCanceledException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The app did not become healthy: {e.Message}{Environment.NewLine}{RecentLogs()}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _instances?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        AppHostArguments.DeleteDataRoot(_dataRoot);
        GC.SuppressFinalize(this);
    }

    /// <summary>Where a fixture that needs a different app (more replicas, shorter timeouts) tweaks the model.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    private void Remember(string line)
    {
        _logs.Enqueue(line);
        while (_logs.Count > 5000 && _logs.TryDequeue(out _))
        {
        }
    }
}
