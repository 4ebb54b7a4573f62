namespace SocialPlanner.Worker.Publishing;

/// <summary>This process's name on leases and on the Hangfire server list: unique per process, readable in the database.</summary>
public sealed class DispatcherIdentity
{
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}

/// <summary>The dispatcher loop's last sign of life, read by the health check.</summary>
public sealed class DispatcherHeartbeat
{
    private long _lastBeatTicks;

    public DateTimeOffset? LastBeat => Interlocked.Read(ref _lastBeatTicks) is var t && t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    public void Beat(DateTimeOffset now) => Interlocked.Exchange(ref _lastBeatTicks, now.UtcTicks);
}
