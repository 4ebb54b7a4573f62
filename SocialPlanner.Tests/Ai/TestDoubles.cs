using System.Diagnostics.Metrics;

namespace SocialPlanner.Tests.Ai;

/// <summary>Real time for everything but waits: a delay is recorded and completes at once, so back-off tests
/// assert the schedule without sleeping through it.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (delays)
            {
                return [.. delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }
        lock (delays)
        {
            delays.Add(dueTime);
        }
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}

public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        meters.Add(meter);
        return meter;
    }

    public void Dispose() => meters.ForEach(m => m.Dispose());
}
