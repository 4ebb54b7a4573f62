namespace SocialPlanner.Hosting.Orchestration;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Stopped,

    /// <summary>Ended with a non-zero exit code (crashed or killed).</summary>
    Exited,

    /// <summary>A one-shot resource that ended with exit code 0.</summary>
    Finished,
    FailedToStart,
}

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>What the dashboard and tests see of one replica of a resource.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    int Instance,
    ResourceState State,
    HealthStatus Health,
    IReadOnlyList<string> Urls,
    int? Pid,
    int Restarts,
    int? ExitCode,
    string? Message);
