using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Resources;

/// <summary>
/// A node of the app model. Subclasses say how it runs: a process per replica (<see cref="CreateProcess"/>),
/// or, without a process, an activation step (<see cref="ActivateAsync"/>), plus a health check.
/// </summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public abstract string Type { get; }

    public int Replicas { get; internal set; } = 1;

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    public IList<WaitAnnotation> Waits { get; } = [];

    internal List<string> Arguments { get; } = [];

    /// <summary>Evaluated at launch, when every port and password is known.</summary>
    internal List<Action<IDictionary<string, string>>> EnvironmentCallbacks { get; } = [];

    /// <summary>Set when something waits for this resource to complete: such resources are never restarted.</summary>
    public bool IsOneShot { get; internal set; }

    /// <summary>Lower tiers stop first: projects, then caches, then databases.</summary>
    internal virtual int ShutdownTier => 0;

    internal virtual int StopSignal => Signals.SigTerm;

    internal virtual bool HasProcess => true;

    /// <summary>Throws a <see cref="DistributedApplicationException"/> naming what to install or build.</summary>
    internal virtual void CheckPrerequisites(RunContext context)
    {
    }

    /// <summary>Ports, passwords: whatever connection strings depend on, fixed before anything starts.</summary>
    internal virtual void Allocate(RunContext context)
    {
    }

    /// <summary>One-time work before the first replica starts (e.g. initdb).</summary>
    internal virtual Task PrepareAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal virtual ProcessSpec CreateProcess(RunContext context, int instance) =>
        throw new NotSupportedException($"{Type} resources run no process.");

    internal virtual Task ActivateAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal abstract Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken);

    internal Dictionary<string, string> BuildEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var apply in EnvironmentCallbacks)
        {
            apply(environment);
        }

        return environment;
    }
}
