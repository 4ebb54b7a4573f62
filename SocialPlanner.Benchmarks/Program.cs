using SocialPlanner.Benchmarks;
using SocialPlanner.Benchmarks.Chaos;
using SocialPlanner.Benchmarks.Reads;

// DESIGN §4 rule 9, measured: after a warm-up burst, a burst of posts due at one instant drained by K workers against a
// bare SKIP LOCKED loop on the same rows (warmed up the same way), then posts spread over a minute.
// Usage: bench.sh [--posts N] [--workers K] [--users U] [--warm-up-posts W]
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

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

await using var bench = await BenchApp.StartAsync(options, stopping.Token);
var accounts = await Seeder.ConnectUsersAsync(bench, options.Users, stopping.Token);

Drain? warmUp = options.WarmUpPosts > 0
    ? await bench.DrainAsync(accounts, options.WarmUpPosts, Schedule.Burst(options.Lead, "warm-up"), stopping.Token)
    : null;
await QuietMachine.WaitAsync("burst", stopping.Token);
var burst = await bench.DrainAsync(accounts, options.Posts, Schedule.Burst(options.Lead), stopping.Token);
var spread = await bench.DrainAsync(accounts, options.SpreadPosts, Schedule.Spread(options.Lead, options.SpreadOver), stopping.Token);

Console.Error.WriteLine("Stopping the workers…");
await bench.StopWorkersAsync();
var loops = options.Workers * options.ConcurrencyPerWorker;
// The loops' code gets the same warm-up as the dispatchers' did.
var baselineWarmUp = warmUp is null ? null : await BareSkipLockedLoop.DrainAgainAsync(bench, accounts, warmUp, loops, stopping.Token);
await QuietMachine.WaitAsync("baseline", stopping.Token);
var baseline = await BareSkipLockedLoop.DrainAgainAsync(bench, accounts, burst, loops, stopping.Token);

Report.Print(options, (warmUp, baselineWarmUp), burst, spread, baseline);
return Report.TargetsMet(warmUp, burst, spread, baseline) ? 0 : 1;
