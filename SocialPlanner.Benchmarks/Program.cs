using System.Runtime.InteropServices;
using SocialPlanner.Benchmarks;
using SocialPlanner.Benchmarks.Chaos;
using SocialPlanner.Benchmarks.Reads;

// DESIGN §4 rule 9, measured: after a warm-up burst and posts spread over a minute, a burst of posts due at one instant
// drained by K workers against a bare SKIP LOCKED loop on the same rows (warmed up the same way); three runs, each on a
// fresh app, judged by their medians.
// Usage: bench.sh [--posts N] [--workers K] [--users U] [--warm-up-posts W] [--runs 3]
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
// `kill` (SIGTERM) stops a run the way Ctrl-C does, so the app it started (Postgres, Redis, the services) goes with it.
using var terminating = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });

// Issue #12's chaos scenario: chaos.sh [--users 20] [--posts 500] [--window-seconds 90] [--fault-rate 0.2] [--workers 2]
// [--worker-kills 2] [--postgres-kills 1]. One line; exit 1 unless nothing is stuck, doubled, or published unreceived.
if (args.FirstOrDefault() == "chaos")
{
    var chaos = await ChaosRun.RunAsync(ChaosOptions.Parse(args), stopping.Token);
    Console.WriteLine(chaos.Line());
    return chaos.Clean ? 0 : 1;
}

// Issue #15's read targets: bench-reads.sh [--rounds 3] [--seconds 10] [--connections 50] [--threads 2].
if (args.FirstOrDefault() == "reads")
{
    return await ReadBenchmark.RunAsync(ReadOptions.Parse(args), stopping.Token);
}

var options = BenchmarkOptions.Parse(args);
// One run says little (its ratio swung from 0.46 to 0.86): each run starts a fresh app, and the median run is judged.
var runs = new List<RunResult>();
for (var run = 1; run <= options.Runs; run++)
{
    Console.Error.WriteLine($"Run {run} of {options.Runs}");
    runs.Add(await RunOnceAsync(options, stopping.Token));
}
Report.PrintMedians(runs);
return Report.TargetsMet(runs) ? 0 : 1;

static async Task<RunResult> RunOnceAsync(BenchmarkOptions options, CancellationToken cancellationToken)
{
    await using var bench = await BenchApp.StartAsync(options, cancellationToken);
    var accounts = await Seeder.ConnectUsersAsync(bench, options.Users, cancellationToken);

    Drain? warmUp = options.WarmUpPosts > 0
        ? await bench.DrainAsync(accounts, options.WarmUpPosts, Schedule.Burst(options.Lead, "warm-up"), cancellationToken)
        : null;
    // The spread minute comes before the burst, so the burst and its baseline run seconds apart rather than a minute
    // and a half: on this VM the same code's CPU per post drifts by up to 2× between minutes (docs/architecture.md).
    var spread = await bench.DrainAsync(accounts, options.SpreadPosts, Schedule.Spread(options.Lead, options.SpreadOver), cancellationToken);
    await bench.VacuumAsync(cancellationToken);
    await QuietMachine.WaitAsync("burst", cancellationToken);
    var burst = await bench.DrainAsync(accounts, options.Posts, Schedule.Burst(options.Lead), cancellationToken);

    Console.Error.WriteLine("Stopping the workers…");
    await bench.StopWorkersAsync();
    var loops = options.Workers * options.ConcurrencyPerWorker;
    // The loops' code gets the same warm-up as the dispatchers' did.
    var baselineWarmUp = warmUp is null ? null : await BareSkipLockedLoop.DrainAgainAsync(bench, accounts, warmUp, loops, cancellationToken);
    await bench.VacuumAsync(cancellationToken);
    await QuietMachine.WaitAsync("baseline", cancellationToken);
    var baseline = await BareSkipLockedLoop.DrainAgainAsync(bench, accounts, burst, loops, cancellationToken);

    Report.Print(options, (warmUp, baselineWarmUp), burst, spread, baseline);
    return new RunResult(warmUp, burst, spread, baseline);
}
