using SocialPlanner.Benchmarks;

// DESIGN §4 rule 9, measured: a burst of posts due at one instant drained by K workers against a bare SKIP LOCKED
// loop on the same rows, then posts spread over a minute. Usage: bench.sh [--posts N] [--workers K] [--users U]
var options = BenchmarkOptions.Parse(args);
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

await using var bench = await BenchApp.StartAsync(options, stopping.Token);
var accounts = await Seeder.ConnectUsersAsync(bench, options.Users, stopping.Token);

var burst = await bench.DrainAsync(accounts, options.Posts, Schedule.Burst(options.Lead), stopping.Token);
var spread = await bench.DrainAsync(accounts, options.SpreadPosts, Schedule.Spread(options.Lead, options.SpreadOver), stopping.Token);
var baseline = await BareSkipLockedLoop.DrainAgainAsync(bench, accounts, burst, options.Workers * options.ConcurrencyPerWorker, stopping.Token);

Report.Print(options, burst, spread, baseline);
return Report.TargetsMet(burst, spread, baseline) ? 0 : 1;
