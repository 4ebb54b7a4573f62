using System.Globalization;

namespace SocialPlanner.Benchmarks;

/// <summary>The figures DESIGN §4 rule 9 is judged on, as one table.</summary>
public static class Report
{
    public const double RateTarget = 0.5;
    public static readonly TimeSpan SpreadLatenessTarget = TimeSpan.FromSeconds(1);

    public static void Print(BenchmarkOptions options, (Drain? Ours, Drain? Baseline) warmUp, Drain burst, Drain spread, Drain baseline)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"run",-34}{"posts",7}{"drain s",9}{"posts/s",9}{"late p50",10}{"p95",10}{"p99",10}{"received",10}{"dupes",7}"));
        var loops = options.Workers * options.ConcurrencyPerWorker;
        if (warmUp is ({ } ours, { } theirs))
        {
            Row("SocialPlanner, warm-up (cold)", ours);
            Row("bare SKIP LOCKED, warm-up", theirs);
        }
        Row($"SocialPlanner, {options.Workers} workers, burst", burst);
        Row($"bare SKIP LOCKED, {loops} loops, burst", baseline);
        Row($"SocialPlanner, spread over {options.SpreadOver.TotalSeconds:F0} s", spread);
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"drain rate ÷ baseline: {RateRatio(burst, baseline):F2} (target ≥ {RateTarget:F1})"));
        Console.WriteLine(string.Create(c, $"spread p99 lateness:   {Ms(Percentile(Lateness(spread), 0.99))} (target ≤ {SpreadLatenessTarget.TotalMilliseconds:F0} ms)"));
        Console.WriteLine(string.Create(c, $"duplicates:            {(warmUp.Ours?.Duplicates ?? 0) + burst.Duplicates + spread.Duplicates} (must be 0)"));
        Console.WriteLine("Lateness: published_at − scheduled_at, i.e. until the platform confirmed the post.");

        void Row(string name, Drain drain)
        {
            var late = Lateness(drain);
            Console.WriteLine(string.Create(c,
                $"{name,-34}{drain.PostIds.Count,7}{drain.Elapsed.TotalSeconds,9:F2}{Rate(drain),9:F0}{Ms(Percentile(late, 0.50)),10}{Ms(Percentile(late, 0.95)),10}{Ms(Percentile(late, 0.99)),10}{drain.Received,10}{drain.Duplicates,7}"));
        }
    }

    public static bool TargetsMet(Drain? warmUp, Drain burst, Drain spread, Drain baseline) =>
        RateRatio(burst, baseline) >= RateTarget
        && (warmUp is null || warmUp.Duplicates == 0 && warmUp.Received == warmUp.PostIds.Count)
        && Percentile(Lateness(spread), 0.99) is { } p99 && p99 <= SpreadLatenessTarget
        && burst.Duplicates + spread.Duplicates == 0
        && burst.Received == burst.PostIds.Count && spread.Received == spread.PostIds.Count;

    public static double Rate(Drain drain) => drain.PostIds.Count / Math.Max(drain.Elapsed.TotalSeconds, 0.001);

    public static double RateRatio(Drain ours, Drain baseline) => Rate(ours) / Rate(baseline);

    public static IReadOnlyList<TimeSpan> Lateness(Drain drain) =>
        drain.Timings.Where(t => t.PublishedAt is not null).Select(t => t.PublishedAt!.Value - t.ScheduledAt).ToList();

    /// <summary>Nearest-rank percentile; null for no samples.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> samples, double quantile)
    {
        if (samples.Count == 0)
        {
            return null;
        }
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(quantile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Ms(TimeSpan? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalMilliseconds:F0} ms") : "–";
}
