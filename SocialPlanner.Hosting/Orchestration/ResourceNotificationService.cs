namespace SocialPlanner.Hosting.Orchestration;

/// <summary>Waits on resource states, as Aspire's service of the same name does.</summary>
public sealed class ResourceNotificationService
{
    private readonly Orchestrator _orchestrator;

    internal ResourceNotificationService(Orchestrator orchestrator) => _orchestrator = orchestrator;

    /// <summary>
    /// Returns once every replica is running and passes its health check; throws a
    /// <see cref="DistributedApplicationException"/> as soon as one has failed for good.
    /// </summary>
    public Task WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        _orchestrator.WaitForAsync(resourceName, i => i.IsHealthy,
            i => i.HasFailed || i.State is ResourceState.Finished or ResourceState.Stopped, cancellationToken);

    /// <summary>Returns once every replica is in <paramref name="state"/>.</summary>
    public Task WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        _orchestrator.WaitForAsync(resourceName, i => i.State == state, _ => false, cancellationToken);

    /// <summary>Returns once <paramref name="predicate"/> holds for the snapshot of every replica.</summary>
    public Task WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default) =>
        _orchestrator.WaitForAsync(resourceName, i => predicate(i.Snapshot()), _ => false, cancellationToken);

    public IReadOnlyList<ResourceSnapshot> GetSnapshots() => _orchestrator.AllInstances.Select(i => i.Snapshot()).ToList();

    public IReadOnlyList<ResourceSnapshot> GetSnapshots(string resourceName) =>
        _orchestrator.InstancesOf(resourceName).Select(i => i.Snapshot()).ToList();
}
