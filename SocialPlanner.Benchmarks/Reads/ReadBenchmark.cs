using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using SocialPlanner.Core.Hosting;

namespace SocialPlanner.Benchmarks.Reads;

/// <summary>Issue #15's read targets: one Api, limits raised, wrk at 50 connections against <c>/alive</c>, the cached
/// calendar month, the uncached 20-post list and <c>/health</c>, alternately, several rounds; ratios to <c>/alive</c>
/// per round and their medians.</summary>
public static partial class ReadBenchmark
{
    public const double CalendarTarget = 0.5;
    public const double PostsTarget = 0.25;
    public static readonly TimeSpan CalendarP99Target = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(ReadOptions options, CancellationToken cancellationToken)
    {
        await using var bench = await BenchApp.StartAsync(BenchmarkOptions.Parse([]) with { Workers = 1 }, cancellationToken, builder =>
            builder.CreateResourceBuilder<ProjectResource>("api")
                .WithEnvironment("RateLimiting__PerUserPerMinute", "1000000000")
                .WithEnvironment("RateLimiting__AnonymousPerMinute", "1000000000")
                .WithEnvironment("RateLimiting__GlobalPerMinute", "1000000000")
                .WithEnvironment("Logging__LogLevel__Default", "Warning"));
        var api = bench.App.GetEndpoint("api", "http");
        var (token, userId, month) = await SeedAsync(api, cancellationToken);
        var connectionString = await bench.App.GetConnectionStringAsync(Core.Data.AppDatabase.ConnectionName, cancellationToken)
            ?? throw new InvalidOperationException("No database connection string.");
        var prepared = ApiPreparedStatements();
        await using var bare = await BareListServer.StartAsync(connectionString, prepared, cancellationToken);
        if (options.Hold)
        {
            // For profiling by hand (dotnet-trace, dotnet-counters, redis-cli MONITOR) against the seeded app.
            Console.WriteLine($"api {api} month {month}\nAuthorization: Bearer {token}\nbare {new Uri(bare.Address, $"posts/{userId}")} ({prepared} prepared statements per connection, as the Api)");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            return 0;
        }

        var targets = new (string Name, Uri Server, string Path, bool Authenticated)[]
        {
            ("/alive", api, "/alive", false),
            ("calendar (cached)", api, $"/api/calendar/posts?month={month}", true),
            ("posts, 20 (uncached)", api, "/api/content/posts?limit=20", true),
            // Printed, not judged: issue #15 measured 1,600 req/s and a 924 ms p99 when every probe checked every dependency.
            ("/health (recent report)", api, "/health", false),
            // The ceiling: the same read with nothing of the Api around it (BareListServer), not behind Aspire's proxy.
            (BareName, bare.Address, $"posts/{userId}", false),
        };
        Console.Error.WriteLine("Warming up…");
        foreach (var target in targets)
        {
            await WrkAsync(target.Server, target.Path, target.Authenticated ? token : null, options with { Seconds = 3 }, cancellationToken);
        }

        var rounds = new List<Dictionary<string, WrkResult>>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            await QuietMachine.WaitAsync($"round {round}", cancellationToken);
            var results = new Dictionary<string, WrkResult>();
            foreach (var target in targets)
            {
                results[target.Name] = await WrkAsync(target.Server, target.Path, target.Authenticated ? token : null, options, cancellationToken);
            }
            rounds.Add(results);
        }
        return Print(options, targets.Select(t => t.Name).ToList(), rounds) ? 0 : 1;
    }

    private static bool Print(ReadOptions options, IReadOnlyList<string> names, IReadOnlyList<Dictionary<string, WrkResult>> rounds)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"wrk -t{options.Threads} -c{options.Connections} -d{options.Seconds}s, {rounds.Count} rounds, one Api"));
        Console.WriteLine(string.Create(c, $"{"endpoint",-24}{"round",6}{"req/s",10}{"p50 ms",9}{"p99 ms",9}{"÷ /alive",10}"));
        foreach (var name in names)
        {
            for (var i = 0; i < rounds.Count; i++)
            {
                var r = rounds[i][name];
                Console.WriteLine(string.Create(c,
                    $"{name,-24}{i + 1,6}{r.RequestsPerSecond,10:F0}{r.P50.TotalMilliseconds,9:F1}{r.P99.TotalMilliseconds,9:F1}{r.RequestsPerSecond / rounds[i]["/alive"].RequestsPerSecond,10:F2}"));
            }
        }
        double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds.Count / 2);
        var calendar = Median(rounds.Select(r => r["calendar (cached)"].RequestsPerSecond / r["/alive"].RequestsPerSecond));
        var posts = Median(rounds.Select(r => r["posts, 20 (uncached)"].RequestsPerSecond / r["/alive"].RequestsPerSecond));
        var health = Median(rounds.Select(r => r["/health (recent report)"].RequestsPerSecond / r["/alive"].RequestsPerSecond));
        var bare = Median(rounds.Select(r => r[BareName].RequestsPerSecond / r["/alive"].RequestsPerSecond));
        var ofBare = Median(rounds.Select(r => r["posts, 20 (uncached)"].RequestsPerSecond / r[BareName].RequestsPerSecond));
        var calendarP99 = TimeSpan.FromMilliseconds(Median(rounds.Select(r => r["calendar (cached)"].P99.TotalMilliseconds)));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"median cached calendar ÷ /alive:  {calendar:F2} (target ≥ {CalendarTarget:F2})"));
        Console.WriteLine(string.Create(c, $"median cached calendar p99:       {calendarP99.TotalMilliseconds:F1} ms (target < {CalendarP99Target.TotalMilliseconds:F0} ms)"));
        Console.WriteLine(string.Create(c, $"median uncached posts ÷ /alive:   {posts:F2} (target ≥ {PostsTarget:F2})"));
        Console.WriteLine(string.Create(c, $"median /health ÷ /alive:          {health:F2} (not judged)"));
        Console.WriteLine(string.Create(c, $"median bare read ÷ /alive:        {bare:F2} (the ceiling: no Api doing this read gets above it; not judged)"));
        Console.WriteLine(string.Create(c, $"median uncached posts ÷ bare:     {ofBare:F2} (the share of the ceiling the Api reaches; not judged)"));
        return calendar >= CalendarTarget && calendarP99 < CalendarP99Target && posts >= PostsTarget;
    }

    private const string BareName = "bare read (no Api)";

    /// <summary>The Api's own setting (its <c>appsettings.json</c>, linked into this project), so the bare read prepares
    /// its statements as the Api does.</summary>
    private static int ApiPreparedStatements() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "api.appsettings.json")).Build()
            .GetValue<int>(AppDataHosting.PreparedStatementsSetting);

    /// <summary>A user with 20 posts, 12 of them scheduled in a month ahead (never published during the run).</summary>
    private static async Task<(string Token, Guid UserId, string Month)> SeedAsync(Uri api, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        var register = await http.PostAsJsonAsync("/api/auth/register",
            new { email = $"reads-{Guid.NewGuid():N}@bench.test", password = "Benchmark-2026" }, cancellationToken);
        register.EnsureSuccessStatusCode();
        var registered = (await register.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!["data"]!;
        var token = registered["session"]!["access_token"]!.GetValue<string>();
        var userId = Guid.Parse(registered["user"]!["id"]!.GetValue<string>());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var first = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 9, 0, 0, TimeSpan.Zero).AddMonths(2);
        for (var i = 0; i < 20; i++)
        {
            var created = await http.PostAsJsonAsync("/api/content/posts",
                new { platform = "linkedin", content = $"Conseil du lundi n° {i}: planifier, c'est gagner du temps. #TechSuisse" }, cancellationToken);
            created.EnsureSuccessStatusCode();
            if (i < 12)
            {
                var id = (await created.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!["data"]!["id"]!.GetValue<string>();
                var scheduled = await http.PatchAsJsonAsync($"/api/calendar/posts/{id}/schedule",
                    new { scheduled_at = first.AddDays(i * 2).AddHours(i % 5) }, cancellationToken);
                scheduled.EnsureSuccessStatusCode();
            }
        }
        return (token, userId, first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    private static async Task<WrkResult> WrkAsync(Uri api, string path, string? token, ReadOptions options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-t{options.Threads}", $"-c{options.Connections}", $"-d{options.Seconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }
        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {token}");
        }
        start.ArgumentList.Add(new Uri(api, path).ToString());
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        if (wrk.ExitCode != 0 || NonSuccess().Match(output) is { Success: true } || SocketErrors().Match(output) is { Success: true })
        {
            throw new InvalidOperationException($"{path}: not every answer was a success:\n{output}");
        }
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"));
    }

    private static TimeSpan Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(value),
            "ms" => TimeSpan.FromMilliseconds(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: .*(timeout [1-9])")]
    private static partial Regex SocketErrors();
}

public sealed record WrkResult(double RequestsPerSecond, TimeSpan P50, TimeSpan P99);

/// <summary>bench-reads.sh [--rounds 3] [--seconds 10] [--connections 50] [--threads 2] [--hold]</summary>
public sealed record ReadOptions(int Rounds, int Seconds, int Connections, int Threads, bool Hold)
{
    public static ReadOptions Parse(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        return new ReadOptions(Int("--rounds", 3), Int("--seconds", 10), Int("--connections", 50), Int("--threads", 2),
            args.Contains("--hold"));
    }
}
