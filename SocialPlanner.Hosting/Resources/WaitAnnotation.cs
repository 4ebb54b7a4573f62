namespace SocialPlanner.Hosting.Resources;

public enum WaitKind
{
    /// <summary>Running and passing its health check.</summary>
    Healthy,

    /// <summary>A one-shot resource that exited with code 0.</summary>
    Completion,
}

public sealed record WaitAnnotation(Resource Dependency, WaitKind Kind);
