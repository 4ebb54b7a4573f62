using System.Globalization;

namespace SocialPlanner.Benchmarks.Chaos;

/// <summary>The chaos scenario's knobs (issue #12). Defaults: the run that found the bug — 20 users, 500 LinkedIn
/// posts due over 90 s, about 20 % of post calls failing (500, 503, hung, 429), two workers of which one is killed
/// twice, Postgres killed once.</summary>
public sealed record ChaosOptions(
    int Users, int Posts, TimeSpan Window, double FaultRate, int Workers, int WorkerKills, int PostgresKills, TimeSpan Lead,
    TimeSpan Patience)
{
    public static ChaosOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var window = TimeSpan.FromSeconds(Int("--window-seconds", 90));
        return new ChaosOptions(
            Users: Int("--users", 20), Posts: Int("--posts", 500), Window: window,
            FaultRate: Value("--fault-rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 0.2,
            Workers: Int("--workers", 2), WorkerKills: Int("--worker-kills", 2), PostgresKills: Int("--postgres-kills", 1),
            Lead: TimeSpan.FromSeconds(Int("--lead-seconds", 5)),
            // After the last post is due: retries, reconciliations and the leases of killed workers play out.
            Patience: TimeSpan.FromSeconds(Int("--patience-seconds", 180)));
    }
}
