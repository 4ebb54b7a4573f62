using System.Reflection;
using System.Runtime.InteropServices;
using SocialPlanner.Hosting.Dashboard;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;
using SocialPlanner.Hosting.Resources;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Hosting;

/// <summary>A built app model: starts, supervises and stops its resources.</summary>
public sealed class DistributedApplication : IAsyncDisposable, IDisposable
{
    private readonly RunContext _context;
    private readonly Orchestrator _orchestrator;
    private DashboardServer? _dashboard;
    private bool _disposed;

    internal DistributedApplication(DistributedApplicationOptions options, IReadOnlyList<Resource> resources)
    {
        _context = new RunContext(options);
        _orchestrator = new Orchestrator(_context, resources);
        ResourceNotifications = new ResourceNotificationService(_orchestrator);
    }

    public ResourceNotificationService ResourceNotifications { get; }

    public DistributedApplicationOptions Options => _context.Options;

    /// <summary>Set once the dashboard is listening.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    public static IDistributedApplicationBuilder CreateBuilder() => CreateBuilder([]);

    /// <summary>Inside a testing capture, returns the testing builder that hands the model back at <c>Build()</c>.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var capture = EntryPointCapture.Current;
        var options = capture?.Options ?? new DistributedApplicationOptions { AppHostAssembly = Assembly.GetEntryAssembly() };
        return new DistributedApplicationBuilder(args, options, capture);
    }

    /// <summary>Returns once every resource was started, after what it waits for was ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Options.DashboardEnabled)
        {
            _dashboard = await DashboardServer.StartAsync(_orchestrator, _context, cancellationToken);
            _context.Log.Info($"dashboard: {_dashboard.Url}");
        }

        await _orchestrator.StartAsync(cancellationToken);
    }

    /// <summary>Stops projects, then caches, then databases; no child process survives.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _orchestrator.StopAsync().WaitAsync(cancellationToken);
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM; a missing prerequisite ends it with one clear line.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (DistributedApplicationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            _context.Log.Info("stopping");
        }
        finally
        {
            await DisposeAsync();
        }

        void OnSignal(PosixSignalContext signal)
        {
            // Keep the runtime from exiting before every child is stopped.
            signal.Cancel = true;
            shutdown.Cancel();
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>An HttpClient whose BaseAddress is the resource's endpoint (replica 0).</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    public Uri GetEndpoint(string resourceName, string endpointName = "http", int instance = 0) =>
        new(EndpointOf(resourceName, endpointName).UrlOf(instance));

    public Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        if (_orchestrator.Resources.OfType<IResourceWithConnectionString>().FirstOrDefault(r =>
                string.Equals(r.ConnectionStringName, resourceName, StringComparison.OrdinalIgnoreCase)) is { } resource)
        {
            return Task.FromResult<string?>(resource.GetConnectionString());
        }

        // Endpoints handed over as connection strings (e.g. "mail") are only known to their consumers.
        var fromEnvironment = _orchestrator.Resources
            .Select(r => r.BuildEnvironment().GetValueOrDefault($"ConnectionStrings__{resourceName}"))
            .FirstOrDefault(v => v is not null);
        return Task.FromResult(fromEnvironment);
    }

    public IReadOnlyList<LogLine> GetLogs(string resourceName, long afterSequence = 0) =>
        _context.Log.BufferOf(resourceName).Since(afterSequence);

    /// <summary>Stops one replica gracefully; it stays stopped until <see cref="StartResourceAsync"/>.</summary>
    public Task StopResourceAsync(string resourceName, int instance = 0) =>
        _orchestrator.InstancesOf(resourceName)[instance].StopAsync(kill: false);

    /// <summary>Kills one replica's process tree at once, as a crash would.</summary>
    public Task KillResourceAsync(string resourceName, int instance = 0) =>
        _orchestrator.InstancesOf(resourceName)[instance].StopAsync(kill: true);

    /// <summary>Starts a stopped, killed or exited replica again, on the same port.</summary>
    public async Task StartResourceAsync(string resourceName, int instance = 0)
    {
        var replica = _orchestrator.InstancesOf(resourceName)[instance];
        await replica.StopAsync(kill: false);
        replica.Start();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
        _orchestrator.Dispose();
        _context.HealthClient.Dispose();
        if (Options.DeleteDataOnDispose && Directory.Exists(Options.DataRoot))
        {
            Directory.Delete(Options.DataRoot, recursive: true);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private EndpointAnnotation EndpointOf(string resourceName, string endpointName) =>
        _orchestrator.ResourceNamed(resourceName).Endpoints.FirstOrDefault(e => e.Name == endpointName)
        ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoint '{endpointName}'.", nameof(endpointName));
}
