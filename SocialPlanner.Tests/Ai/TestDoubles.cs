using System.Diagnostics.Metrics;

namespace SocialPlanner.Tests.Ai;

/// <summary>Real time for everything but waits: a delay is recorded and completes at once, so back-off tests
/// assert the schedule without sleeping through it.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }
        lock (_delays)
        {
            _delays.Add(dueTime);
        }
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}

public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
