using System.Collections.Concurrent;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Faults;

/// <summary>Calls per emulated operation, so tests can prove a client did (not) call again.</summary>
public sealed class CallStats : IResettable
{
    private readonly ConcurrentDictionary<string, long> calls = new();

    public void Count(string endpoint) => calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(calls);

    public void Reset() => calls.Clear();
}
