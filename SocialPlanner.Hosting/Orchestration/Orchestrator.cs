using SocialPlanner.Hosting.Processes;
using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting.Orchestration;

/// <summary>
/// Starts each resource once what it waits for is ready, and stops everything in reverse tiers:
/// projects, then caches, then databases.
/// </summary>
internal sealed class Orchestrator : IDisposable
{
    private readonly RunContext _context;
    private readonly IReadOnlyList<Resource> _resources;
    private readonly Dictionary<string, ResourceInstance[]> _instances;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _startups = [];

    public Orchestrator(RunContext context, IReadOnlyList<Resource> resources)
    {
        _context = context;
        _resources = resources;
        _instances = resources.ToDictionary(
            r => r.Name,
            r => Enumerable.Range(0, r.Replicas).Select(i => new ResourceInstance(r, i, context, Changed)).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        AllocatePorts();
        foreach (var resource in resources)
        {
            resource.Allocate(context);
        }
    }

    public ChangeSignal Changed { get; } = new();

    public IReadOnlyList<Resource> Resources => _resources;

    public IEnumerable<ResourceInstance> AllInstances => _instances.Values.SelectMany(i => i);

    public ResourceInstance[] InstancesOf(string name) =>
        _instances.TryGetValue(name, out var instances)
            ? instances
            : throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    public Resource ResourceNamed(string name) => InstancesOf(name)[0].Resource;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in _resources)
        {
            resource.CheckPrerequisites(_context);
        }

        EnsureFixedPortsAreFree();
        foreach (var resource in _resources)
        {
            _startups.Add(StartWhenReadyAsync(resource, _stopping.Token));
        }

        await Task.WhenAll(_startups).WaitAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_startups);
        foreach (var tier in AllInstances.GroupBy(i => i.Resource.ShutdownTier).OrderBy(g => g.Key))
        {
            await Task.WhenAll(tier.Select(i => i.StopAsync(kill: false)));
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        foreach (var instance in AllInstances)
        {
            instance.Dispose();
        }
    }

    /// <summary>Waits until <paramref name="isDone"/> holds for every replica; throws once one can never get there.</summary>
    public async Task WaitForAsync(string name, Func<ResourceInstance, bool> isDone, Func<ResourceInstance, bool> hasFailed, CancellationToken cancellationToken)
    {
        var instances = InstancesOf(name);
        while (true)
        {
            var next = Changed.Next;
            if (instances.All(isDone))
            {
                return;
            }

            if (instances.FirstOrDefault(hasFailed) is { } failed)
            {
                throw new DistributedApplicationException(Describe(failed));
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    private static string Describe(ResourceInstance instance) => instance.State switch
    {
        ResourceState.Exited => $"'{instance.Resource.Name}' exited with code {instance.ExitCode}",
        ResourceState.Finished => $"'{instance.Resource.Name}' finished instead of becoming healthy",
        _ => $"'{instance.Resource.Name}' is {instance.State}{(instance.Message is null ? "" : ": " + instance.Message)}",
    };

    private async Task StartWhenReadyAsync(Resource resource, CancellationToken stopping)
    {
        var instances = _instances[resource.Name];
        try
        {
            if (resource.Waits.Count > 0)
            {
                Array.ForEach(instances, i => i.Set(ResourceState.Waiting));
            }

            foreach (var wait in resource.Waits)
            {
                await WaitForDependencyAsync(wait, stopping);
            }

            await resource.PrepareAsync(_context, stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (DistributedApplicationException e)
        {
            Array.ForEach(instances, i => i.Set(ResourceState.FailedToStart, $"{resource.Name} not started: {e.Message}"));
            return;
        }

        Array.ForEach(instances, i => i.Start());
    }

    private Task WaitForDependencyAsync(WaitAnnotation wait, CancellationToken stopping) => wait.Kind switch
    {
        WaitKind.Completion => WaitForAsync(wait.Dependency.Name,
            i => i.State == ResourceState.Finished,
            i => i.HasFailed || i.State == ResourceState.Stopped,
            stopping),
        _ => WaitForAsync(wait.Dependency.Name,
            i => i.IsHealthy,
            i => i.HasFailed || i.State is ResourceState.Finished or ResourceState.Stopped,
            stopping),
    };

    private void AllocatePorts()
    {
        foreach (var resource in _resources)
        {
            foreach (var endpoint in resource.Endpoints)
            {
                for (var instance = 0; instance < resource.Replicas; instance++)
                {
                    endpoint.AllocatedPorts.Add(_context.AllocatePort(resource.Name, new EndpointSpec(endpoint.Name, endpoint.Port), instance));
                }
            }
        }
    }

    private void EnsureFixedPortsAreFree()
    {
        if (_context.Options.RandomPorts)
        {
            return;
        }

        var taken = _resources.Where(r => r.HasProcess)
            .SelectMany(r => r.Endpoints.Select(e => (Resource: r.Name, Port: e.PortOf(0))))
            .FirstOrDefault(p => !PortAllocator.IsFree(p.Port));
        if (taken.Resource is not null)
        {
            throw new DistributedApplicationException(
                $"port {taken.Port} for {taken.Resource} is in use: stop what holds it, or run with --Hosting:RandomPorts=true");
        }
    }
}
