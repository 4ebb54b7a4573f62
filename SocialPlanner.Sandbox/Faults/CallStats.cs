using System.Collections.Concurrent;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Faults;

/// <summary>Calls per emulated operation, so tests can prove a client did (not) call again.</summary>
public sealed class CallStats : IResettable
{
    private readonly ConcurrentDictionary<string, long> _calls = new();

    public void Count(string endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_calls);

    public void Reset() => _calls.Clear();
}
