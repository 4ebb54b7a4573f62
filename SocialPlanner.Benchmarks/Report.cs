using System.Globalization;

namespace SocialPlanner.Benchmarks;

/// <summary>The figures DESIGN §4 rule 9 is judged on, as one table.</summary>
public static class Report
{
    /// <summary>Issue #15: the median run's burst drains at ≥ 0.8 × the bare loop, and its spread posts go out within
    /// 50 ms of their time (p99).</summary>
    public const double RateTarget = 0.8;
    public static readonly TimeSpan SpreadLatenessTarget = TimeSpan.FromMilliseconds(50);

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
        PrintCpu(burst, baseline);

        void Row(string name, Drain drain)
        {
            var late = Lateness(drain);
            Console.WriteLine(string.Create(c,
                $"{name,-34}{drain.PostIds.Count,7}{drain.Elapsed.TotalSeconds,9:F2}{Rate(drain),9:F0}{Ms(Percentile(late, 0.50)),10}{Ms(Percentile(late, 0.95)),10}{Ms(Percentile(late, 0.99)),10}{drain.Received,10}{drain.Duplicates,7}"));
        }
    }

    /// <summary>Where the two burst drains spent the machine's CPU, per post (not judged: it explains a ratio). The app's
    /// "benchmark" share is the in-process AppHost and the wait's 50 ms progress query; the baseline's is its loops.</summary>
    private static void PrintCpu(Drain burst, Drain baseline)
    {
        if (burst.Cpu is not { } ours || baseline.Cpu is not { } theirs)
        {
            return;
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"CPU ms per post",-34}{"machine",9}{string.Concat(ProcessCpu.Roles.Select(r => $"{r,10}"))}{"posts/commit",14}"));
        Row("SocialPlanner, burst", burst, ours);
        Row("bare SKIP LOCKED, burst", baseline, theirs);

        void Row(string name, Drain drain, ProcessCpu.Use use)
        {
            var posts = drain.PostIds.Count;
            Console.WriteLine(string.Create(c,
                $"{name,-34}{use.MachinePerPost(posts),9:F2}{string.Concat(ProcessCpu.Roles.Select(r => $"{use.PerPost(r, posts),10:F2}"))}{(drain.Commits is { } commits ? (double)posts / Math.Max(commits, 1) : double.NaN),14:F1}"));
        }
    }

    /// <summary>The runs' figures side by side, then the medians the targets are judged on.</summary>
    public static void PrintMedians(IReadOnlyList<RunResult> runs)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{runs.Count} runs: drain rate ÷ baseline {string.Join(", ", runs.Select(r => r.RateRatio.ToString("F2", c)))}; "
            + $"spread p99 {string.Join(", ", runs.Select(r => Ms(r.SpreadP99)))}"));
        Console.WriteLine(string.Create(c, $"median drain rate ÷ baseline: {Median(runs.Select(r => r.RateRatio)):F2} (target ≥ {RateTarget:F1})"));
        Console.WriteLine(string.Create(c, $"median spread p99 lateness:   {Ms(MedianSpreadP99(runs))} (target ≤ {SpreadLatenessTarget.TotalMilliseconds:F0} ms)"));
        Console.WriteLine(string.Create(c, $"duplicates in all runs:       {runs.Sum(r => r.Duplicates)} (must be 0); posts not received: {runs.Sum(r => r.NotReceived)} (must be 0)"));
        if (runs.All(r => r.CpuRatio is not null))
        {
            Console.WriteLine(string.Create(c, $"median CPU ratio (not judged): {Median(runs.Select(r => r.CpuRatio!.Value)):F2} "
                + $"({string.Join(", ", runs.Select(r => r.CpuRatio!.Value.ToString("F2", c)))}; the baseline's machine CPU per post ÷ ours)"));
        }
    }

    public static bool TargetsMet(IReadOnlyList<RunResult> runs) =>
        Median(runs.Select(r => r.RateRatio)) >= RateTarget
        && MedianSpreadP99(runs) is { } p99 && p99 <= SpreadLatenessTarget
        && runs.Sum(r => r.Duplicates) == 0 && runs.Sum(r => r.NotReceived) == 0;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static TimeSpan? MedianSpreadP99(IReadOnlyList<RunResult> runs) =>
        runs.Any(r => r.SpreadP99 is null) ? null : TimeSpan.FromMilliseconds(Median(runs.Select(r => r.SpreadP99!.Value.TotalMilliseconds)));

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

/// <summary>What one run (a fresh app) measured, reduced to what the targets are judged on.</summary>
public sealed record RunResult(Drain? WarmUp, Drain Burst, Drain Spread, Drain Baseline)
{
    public double RateRatio => Report.RateRatio(Burst, Baseline);

    public TimeSpan? SpreadP99 => Report.Percentile(Report.Lateness(Spread), 0.99);

    /// <summary>The baseline's machine CPU per post ÷ ours: the drain ratio's counterpart in CPU rather than wall time.</summary>
    public double? CpuRatio => Burst.Cpu is { Machine: > 0 } ours && Baseline.Cpu is { } theirs
        ? theirs.MachinePerPost(Baseline.PostIds.Count) / ours.MachinePerPost(Burst.PostIds.Count)
        : null;

    public int Duplicates => (WarmUp?.Duplicates ?? 0) + Burst.Duplicates + Spread.Duplicates;

    public int NotReceived => (WarmUp is null ? 0 : WarmUp.PostIds.Count - WarmUp.Received)
        + Burst.PostIds.Count - Burst.Received + Spread.PostIds.Count - Spread.Received;
}
