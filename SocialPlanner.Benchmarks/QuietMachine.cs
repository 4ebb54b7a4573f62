using System.Diagnostics;
using System.Globalization;

namespace SocialPlanner.Benchmarks;

/// <summary>Waits, before a measured drain, until the machine has settled (Linux <c>/proc/stat</c>): whatever the
/// previous step left running — a JIT backlog, Postgres's autovacuum of the rows just written, processes starting — would
/// otherwise share the two cores with the drain. Both measured drains, ours and the baseline's, wait the same way.</summary>
public static class QuietMachine
{
    /// <summary>Settled: less than this share of all cores busy over one second.</summary>
    private const double QuietShare = 0.15;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task WaitAsync(string before, CancellationToken cancellationToken)
    {
        if (ProcessCpu.Machine() is null)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var first = ProcessCpu.Machine()!.Value;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var second = ProcessCpu.Machine()!.Value;
            var busy = (double)(second.Busy - first.Busy) / Math.Max(1, second.Total - first.Total);
            if (busy < QuietShare)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Machine settled ({busy:P0} busy) after {clock.Elapsed.TotalSeconds:F0} s; measuring the {before}…"));
                return;
            }
            if (clock.Elapsed > Patience)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Machine still {busy:P0} busy after {Patience.TotalMinutes:F0} min; measuring the {before} anyway."));
                return;
            }
        }
    }
}
