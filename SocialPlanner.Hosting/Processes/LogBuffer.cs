namespace SocialPlanner.Hosting.Processes;

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, int Instance, bool IsError, string Text);

/// <summary>Bounded ring of a resource's recent console lines, shared by all its replicas.</summary>
public sealed class LogBuffer(int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public LogLine Append(int instance, bool isError, string text)
    {
        lock (_gate)
        {
            var line = new LogLine(++_sequence, DateTimeOffset.UtcNow, instance, isError, text);
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }

            return line;
        }
    }

    public IReadOnlyList<LogLine> Since(long afterSequence)
    {
        lock (_gate)
        {
            return _lines.Where(l => l.Sequence > afterSequence).ToList();
        }
    }
}
