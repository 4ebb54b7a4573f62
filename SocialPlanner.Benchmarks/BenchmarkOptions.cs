using System.Globalization;

namespace SocialPlanner.Benchmarks;

/// <summary>Command-line knobs, with the defaults the design's targets are stated for.</summary>
public sealed record BenchmarkOptions(
    int Posts, int Workers, int Users, int SpreadPosts, TimeSpan SpreadOver, TimeSpan Lead, int WarmUpPosts, int Runs)
{
    /// <summary>The Worker's default <c>Publishing:MaxConcurrencyPerPlatform</c>: the baseline gets as many loops.</summary>
    public int ConcurrencyPerWorker => 10;

    public static BenchmarkOptions Parse(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

        return new BenchmarkOptions(
            Posts: Int("--posts", 2_000), Workers: Int("--workers", 2), Users: Int("--users", 200),
            SpreadPosts: Int("--spread-posts", 200), SpreadOver: TimeSpan.FromSeconds(Int("--spread-seconds", 60)),
            // Long enough to write every row before the first is due, so lateness measures the dispatchers only.
            Lead: TimeSpan.FromSeconds(Int("--lead-seconds", 5)),
            // A first burst through freshly started processes mostly measures the JIT compiling them (the sandbox's
            // and the workers' hot paths); the baseline, running later, would not pay it. Both sides get this warm-up.
            WarmUpPosts: Int("--warm-up-posts", 1_000),
            // Each run starts a fresh app; the median run is judged.
            Runs: Int("--runs", 3));
    }
}

/// <summary>When each of n posts is due, relative to the moment they are written.</summary>
public sealed record Schedule(string Name, Func<DateTimeOffset, int, int, DateTimeOffset> DueAt)
{
    public static Schedule Burst(TimeSpan lead, string name = "burst") => new(name, (now, _, _) => now + lead);

    public static Schedule Spread(TimeSpan lead, TimeSpan over) =>
        new("spread", (now, i, n) => now + lead + over * i / Math.Max(1, n - 1));
}
