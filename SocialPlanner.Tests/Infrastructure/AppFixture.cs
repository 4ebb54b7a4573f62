using System.Collections.Concurrent;
using SocialPlanner.Hosting;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Tests.Infrastructure;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The whole AppHost model, started once for the collection: every service healthy before the first
/// test runs, everything stopped and its temp data deleted after the last. Subclasses change the model
/// (replicas, settings) in <see cref="Configure"/> for collections of their own.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private static readonly string[] s_services = ["sandbox", "api", "worker", "web"];
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    private readonly ConcurrentQueue<string> _logs = new();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource);

    public async Task<string> GetConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"No connection string '{name}'.");

    public Uri GetEndpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>Recent console lines of every resource, "[resource] line", for failure messages.</summary>
    public string RecentLogs(int lines = 200) => string.Join(Environment.NewLine, _logs.TakeLast(lines));

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialPlanner_AppHost>(timeout.Token);
        builder.Options.LogSink = (resource, instance, line) => Remember($"[{resource}{(instance > 0 ? $"-{instance}" : "")}] {line}");
        // Every test signs up from 127.0.0.1 and the suite runs in parallel: the anonymous (per-IP) and global
        // limits would throttle the suite itself. The per-user and AI limits stay as configured, and are tested.
        builder.WithResourceEnvironment("api", "RateLimiting__GlobalPerMinute", "1000000");
        builder.WithResourceEnvironment("api", "RateLimiting__AnonymousPerMinute", "1000000");
        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        try
        {
            await _app.StartAsync(timeout.Token);
            await Task.WhenAll(s_services.Select(s => _app.ResourceNotifications.WaitForResourceHealthyAsync(s, timeout.Token)));
        }
        catch (Exception e) when (e is DistributedApplicationException or OperationCanceledException)
        {
            throw new InvalidOperationException($"The app did not become healthy: {e.Message}{Environment.NewLine}{RecentLogs()}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
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
