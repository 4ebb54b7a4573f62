using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialPlanner.Benchmarks;

/// <summary>Every instance (replica) of a started Aspire app as its latest state, by index in a stable order, and what
/// tests and benchmarks do to one of them: reach it past the proxy, stop, start or kill it. Aspire's own helpers
/// address a resource by name, which is ambiguous once it has replicas.</summary>
public sealed class ResourceInstances : IDisposable
{
    private readonly DistributedApplication _app;
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stopping = new();

    private ResourceInstances(DistributedApplication app)
    {
        _app = app;
        _ = FollowAsync(_stopping.Token);
    }

    /// <summary>Starts following <paramref name="app"/>'s notifications; call before <c>StartAsync</c>.</summary>
    public static ResourceInstances Follow(DistributedApplication app) => new(app);

    public ResourceEvent this[string resource, int instance]
    {
        get
        {
            var instances = _latest.Values.Where(e => e.Resource.Name == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal).ToList();
            return instance < instances.Count ? instances[instance]
                : throw new InvalidOperationException($"{resource} has {instances.Count} instance(s), not #{instance}.");
        }
    }

    /// <summary>One replica's own address (what it listens on, <c>ASPNETCORE_URLS</c>), not the proxy's.</summary>
    public Uri Endpoint(string resource, int instance)
    {
        var urls = this[resource, instance].Snapshot.EnvironmentVariables.Single(e => e.Name == "ASPNETCORE_URLS").Value
            ?? throw new InvalidOperationException($"{resource} #{instance} has no ASPNETCORE_URLS.");
        return new Uri(urls.Split(';')[0]);
    }

    public int? Pid(string resource, int instance) =>
        this[resource, instance].Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Aspire's stop command, as the dashboard's button runs it.</summary>
    public Task StopAsync(string resource, int instance, CancellationToken cancellationToken) =>
        CommandAsync(resource, instance, KnownResourceCommands.StopCommand, cancellationToken);

    public Task StartAsync(string resource, int instance, CancellationToken cancellationToken) =>
        CommandAsync(resource, instance, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>SIGKILL: a crash, not a stop. Returns the killed PID.</summary>
    public async Task<int> KillAsync(string resource, int instance, CancellationToken cancellationToken)
    {
        var pid = Pid(resource, instance) ?? throw new InvalidOperationException($"{resource} #{instance} has no process.");
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync(cancellationToken);
        return pid;
    }

    /// <summary>Until the instance runs healthy as a process other than <paramref name="killedPid"/>.</summary>
    public async Task WaitUntilBackAsync(string resource, int instance, int killedPid, CancellationToken cancellationToken)
    {
        var id = this[resource, instance].ResourceId;
        await foreach (var update in _app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.ResourceId == id && update.Snapshot.State?.Text == KnownResourceStates.Running
                && update.Snapshot.HealthStatus == HealthStatus.Healthy && Pid(resource, instance) is { } pid && pid != killedPid)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task CommandAsync(string resource, int instance, string command, CancellationToken cancellationToken)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(this[resource, instance].ResourceId, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} {resource} #{instance}: {result.Message}");
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in _app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                _latest[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
