using SocialPlanner.Hosting.Processes;
using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting.Orchestration;

/// <summary>
/// Supervises one replica of a resource: launches it, follows its health, reports its exit and, in
/// development runs, restarts a crashed project with exponential back-off.
/// </summary>
internal sealed class ResourceInstance(Resource resource, int index, RunContext context, ChangeSignal changed) : IDisposable
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private ManagedProcess? _process;
    private CancellationTokenSource? _lifetime;
    private Task _supervision = Task.CompletedTask;
    private bool _restartPending;
    private int _consecutiveCrashes;

    public Resource Resource { get; } = resource;

    public int Index { get; } = index;

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public HealthStatus Health { get; private set; } = HealthStatus.Unknown;

    public int? Pid { get; private set; }

    public int Restarts { get; private set; }

    public int? ExitCode { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Failed for good: nothing will bring it back without an explicit start.</summary>
    public bool HasFailed => State == ResourceState.FailedToStart || (State == ResourceState.Exited && !_restartPending);

    public bool IsHealthy => State == ResourceState.Running && Health == HealthStatus.Healthy;

    public ResourceSnapshot Snapshot() => new(
        Resource.Name, Resource.Type, Index, State, Health,
        Resource.Endpoints.Where(e => e.AllocatedPorts.Count > Index).Select(e => e.UrlOf(Index)).ToList(),
        Pid, Restarts, ExitCode, Message);

    public void Set(ResourceState state, string? message = null, int? exitCode = null)
    {
        lock (_gate)
        {
            State = state;
            Message = message;
            ExitCode = exitCode;
            if (state != ResourceState.Running)
            {
                Health = HealthStatus.Unknown;
            }
        }

        if (message is not null)
        {
            context.Log.Write(Resource.Name, Index, isError: state is ResourceState.Exited or ResourceState.FailedToStart, message);
        }

        changed.Notify();
    }

    public void Start()
    {
        _lifetime?.Dispose();
        _lifetime = new CancellationTokenSource();
        _supervision = Resource.HasProcess ? SuperviseProcessAsync(_lifetime.Token) : SuperviseActivationAsync(_lifetime.Token);
    }

    /// <summary>Stops gracefully (signal, grace period, then kill of the tree) or kills at once.</summary>
    public async Task StopAsync(bool kill)
    {
        if (_lifetime is null)
        {
            Set(ResourceState.Stopped);
            return;
        }

        await _lifetime.CancelAsync();
        await _supervision;
        var process = _process;
        _process = null;
        if (process is null)
        {
            if (State is not (ResourceState.Finished or ResourceState.Exited or ResourceState.FailedToStart))
            {
                Set(ResourceState.Stopped);
            }

            return;
        }

        Set(ResourceState.Stopping);
        if (kill)
        {
            process.Kill();
        }
        else
        {
            await process.StopAsync(Resource.StopSignal, context.Options.StopGracePeriod);
        }

        var exitCode = await process.Exited;
        process.Dispose();
        Pid = null;
        if (kill)
        {
            Set(ResourceState.Exited, $"{Resource.Name} killed on request (exit code {exitCode})", exitCode);
        }
        else
        {
            Set(ResourceState.Stopped, exitCode: exitCode);
        }
    }

    public void Dispose() => _lifetime?.Dispose();

    private async Task SuperviseProcessAsync(CancellationToken lifetime)
    {
        while (!lifetime.IsCancellationRequested)
        {
            if (!TryLaunch(out var process))
            {
                return;
            }

            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            var healthMonitor = MonitorHealthAsync(monitoring.Token);
            int exitCode;
            try
            {
                exitCode = await process.Exited.WaitAsync(lifetime);
            }
            catch (OperationCanceledException)
            {
                await healthMonitor;
                return;
            }

            await monitoring.CancelAsync();
            await healthMonitor;
            _process = null;
            Pid = null;
            process.Dispose();
            if (!await HandleExitAsync(exitCode, lifetime))
            {
                return;
            }
        }
    }

    private bool TryLaunch(out ManagedProcess process)
    {
        Set(ResourceState.Starting);
        try
        {
            process = ManagedProcess.Start(Resource.CreateProcess(context, Index),
                (isError, line) => context.Log.Write(Resource.Name, Index, isError, line));
        }
        catch (Exception e) when (e is DistributedApplicationException or System.ComponentModel.Win32Exception or IOException)
        {
            process = null!;
            Set(ResourceState.FailedToStart, $"{Resource.Name} failed to start: {e.Message}");
            return false;
        }

        _process = process;
        Pid = process.Pid;
        Set(ResourceState.Running);
        return true;
    }

    /// <summary>Reports the exit; returns whether to launch again.</summary>
    private async Task<bool> HandleExitAsync(int exitCode, CancellationToken lifetime)
    {
        if (exitCode == 0)
        {
            Set(ResourceState.Finished, $"{Resource.Name} finished (exit code 0)", 0);
            return false;
        }

        // Every long-running resource, not only projects: a killed Postgres or Redis must come back by itself (#12).
        var restart = context.Options.RestartCrashedResources && !Resource.IsOneShot;
        var delay = TimeSpan.FromSeconds(Math.Min(s_maxBackoff.TotalSeconds, Math.Pow(2, _consecutiveCrashes)));
        _restartPending = restart;
        Set(ResourceState.Exited, restart
            ? $"{Resource.Name} crashed with exit code {exitCode}; restarting in {delay.TotalSeconds:0} s"
            : $"{Resource.Name} crashed with exit code {exitCode}", exitCode);
        if (!restart)
        {
            return false;
        }

        _consecutiveCrashes++;
        try
        {
            await Task.Delay(delay, lifetime);
        }
        catch (OperationCanceledException)
        {
            _restartPending = false;
            return false;
        }

        _restartPending = false;
        Restarts++;
        return true;
    }

    private async Task SuperviseActivationAsync(CancellationToken lifetime)
    {
        Set(ResourceState.Starting);
        try
        {
            await Resource.ActivateAsync(context, lifetime);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e)
        {
            Set(ResourceState.FailedToStart, $"{Resource.Name} failed to start: {e.Message}");
            return;
        }

        Set(ResourceState.Running);
        await MonitorHealthAsync(lifetime);
    }

    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var healthy = await Resource.IsHealthyAsync(context, Index, cancellationToken);
                UpdateHealth(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy);
                // Quick polls while coming up keep start-up fast; steady polls after that.
                await Task.Delay(healthy ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped or exited: the health of a gone process is not reported.
        }
    }

    private void UpdateHealth(HealthStatus health)
    {
        lock (_gate)
        {
            if (State != ResourceState.Running || Health == health)
            {
                return;
            }

            Health = health;
            if (health == HealthStatus.Healthy)
            {
                _consecutiveCrashes = 0;
            }
        }

        changed.Notify();
    }
}
