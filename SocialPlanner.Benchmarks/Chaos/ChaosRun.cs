using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace SocialPlanner.Benchmarks.Chaos;

/// <summary>What a chaos run ended with. <see cref="NeverReceived"/>: posts (or publications) that read published
/// while the platform has no such post. <see cref="Inconsistent"/>: posts whose stored state is not the one their
/// publications give. <see cref="ApiErrorsDuringOutage"/>: 500s the Api answered while Postgres was down (it owes 503).</summary>
public sealed record ChaosResult(
    int Scheduled, int Published, IReadOnlyDictionary<string, int> FailedByReason, int Stuck, int Duplicates, int NeverReceived,
    int Inconsistent, int FailedYetReceived, int ApiUnavailableDuringOutage, int ApiErrorsDuringOutage, int WorkerKills, int PostgresKills)
{
    public int Failed => FailedByReason.Values.Sum();

    public bool Clean => Stuck == 0 && Duplicates == 0 && NeverReceived == 0 && Inconsistent == 0 && ApiErrorsDuringOutage == 0;

    /// <summary>The one line the command prints.</summary>
    public string Line()
    {
        var reasons = Failed == 0 ? "" : " (" + string.Join("; ", FailedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Value}× {r.Key}")) + ")";
        return $"chaos: scheduled {Scheduled}, published {Published}, failed {Failed}{reasons}, stuck {Stuck}, duplicates {Duplicates}, "
            + $"never received {NeverReceived}, inconsistent {Inconsistent}, failed yet received {FailedYetReceived}; kills: worker {WorkerKills}, postgres {PostgresKills}; "
            + $"api while the database was down: {ApiUnavailableDuringOutage}× 503, {ApiErrorsDuringOutage}× 500";
    }
}

/// <summary>Issue #12's scenario against the real app: connected users, LinkedIn posts due over a window, a share of
/// the platform's post calls failing in every way it can (500, 503, hung until the Worker's timeout, 429), a worker
/// killed with SIGKILL and Postgres's postmaster killed mid-window (the AppHost restarts both), the Api probed while
/// the database is down; then every post must reach a final state, none twice, none published without the platform
/// having it. Timers (request timeout, lease, back-off) are shortened so the run plays out in minutes.</summary>
public static class ChaosRun
{
    private static readonly string[] Services = ["sandbox", "api", "worker"];

    public static async Task<ChaosResult> RunAsync(ChaosOptions options, CancellationToken cancellationToken)
    {
        var bench = new BenchmarkOptions(options.Posts, options.Workers, options.Users, 0, TimeSpan.Zero, options.Lead, 0, Runs: 1);
        // Crashed resources come back by themselves, as in development (Postgres and Redis included).
        await using var app = await BenchApp.StartAsync(bench, cancellationToken, builder =>
        {
            builder.CreateResourceBuilder<ProjectResource>("worker")
                .WithEnvironment("Publishing__PlatformRequestTimeout", "00:00:03")
                .WithEnvironment("Publishing__LeaseDuration", "00:00:08")
                .WithEnvironment("Publishing__RetryBaseDelay", "00:00:01")
                .WithEnvironment("Publishing__ReconcileDelay", "00:00:01");
            builder.CreateResourceBuilder<ProjectResource>("api")
                .WithEnvironment("RateLimiting__GlobalPerMinute", "1000000")
                .WithEnvironment("RateLimiting__AnonymousPerMinute", "1000000");
        }, restartCrashedResources: true);
        var accounts = await Seeder.ConnectUsersAsync(app, options.Users, cancellationToken);
        using var api = await SignedInApiAsync(app, cancellationToken);
        await ArmFaultsAsync(app, options.FaultRate, cancellationToken);

        var ids = Enumerable.Range(0, options.Posts).Select(_ => Guid.CreateVersion7()).ToArray();
        var start = DateTimeOffset.UtcNow + options.Lead;
        var due = ids.Select((_, i) => start + options.Window * i / Math.Max(1, options.Posts - 1)).ToArray();
        var prefix = $"Chaos {app.Run} ";
        await Seeder.InsertScheduledPostsAsync(app.Owner, ids, ids.Select((_, i) => accounts[i % accounts.Count].UserId).ToArray(),
            ids.Select((_, i) => $"{prefix}{i:D5}").ToArray(), due, cancellationToken);
        Console.Error.WriteLine($"{options.Posts} posts due from {due[0]:HH:mm:ss} to {due[^1]:HH:mm:ss}; "
            + $"{options.WorkerKills} worker kills, {options.PostgresKills} Postgres kills");

        // Kills spread over the window: workers at even fractions, Postgres between them.
        var kills = Enumerable.Range(1, options.WorkerKills).Select(k => (At: (double)k / (options.WorkerKills + 1), Postgres: false))
            .Concat(Enumerable.Range(1, options.PostgresKills).Select(k => (At: (k - 0.5) / options.PostgresKills * 0.9 + 0.05, Postgres: true)))
            .OrderBy(k => k.At).ToList();
        var (unavailable, errors) = (0, 0);
        var workerKills = 0;
        foreach (var kill in kills)
        {
            await DelayUntilAsync(start + options.Window * kill.At, cancellationToken);
            if (kill.Postgres)
            {
                var (u, e) = await KillPostgresAndProbeAsync(app, api, cancellationToken);
                (unavailable, errors) = (unavailable + u, errors + e);
            }
            else
            {
                await KillAsync(app, "worker", workerKills++ % options.Workers, cancellationToken);
            }
        }

        var deadline = due[^1] + options.Patience;
        var stuck = await WaitUntilFinalAsync(app, ids, deadline, cancellationToken);
        await app.Sandbox.DeleteAsync("/sandbox/faults", cancellationToken);
        return await TallyAsync(app, ids, prefix, stuck, unavailable, errors, workerKills, options.PostgresKills, cancellationToken);
    }

    /// <summary>The share of LinkedIn post calls that fail, split as the run that found the bug saw them.</summary>
    private static async Task ArmFaultsAsync(BenchApp app, double rate, CancellationToken cancellationToken)
    {
        if (rate <= 0)
        {
            return;
        }
        // Each rule draws in turn, so the later ones get the calls the earlier ones let through.
        object[] faults =
        [
            new { endpoint = "linkedin.posts", times = 1_000_000, probability = rate * 0.38, status = 500 },
            new { endpoint = "linkedin.posts", times = 1_000_000, probability = rate * 0.42 / (1 - rate * 0.38), status = 503 },
            new { endpoint = "linkedin.posts", times = 1_000_000, probability = rate * 0.17 / (1 - rate * 0.80), hang = true },
            new { endpoint = "linkedin.posts", times = 1_000_000, probability = rate * 0.03 / (1 - rate * 0.97), status = 429, retry_after_seconds = 1 },
        ];
        foreach (var fault in faults)
        {
            using var response = await app.Sandbox.PostAsJsonAsync("/sandbox/faults", fault, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A user signed up through the Api, to ask it for something that needs the database.</summary>
    private static async Task<HttpClient> SignedInApiAsync(BenchApp app, CancellationToken cancellationToken)
    {
        var api = Aspire.Hosting.Testing.DistributedApplicationHostingTestingExtensions.CreateHttpClient(app.App, "api");
        using var response = await api.PostAsJsonAsync("/api/auth/register",
            new { email = $"chaos-{app.Run}@example.test", password = "Chaos-run-2026!" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["data"]!["session"]!["access_token"]!.GetValue<string>());
        return api;
    }

    /// <summary>SIGKILL, as a crash: the AppHost, not us, starts the process again.</summary>
    private static async Task KillAsync(BenchApp app, string resource, int instance, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} killing {resource}-{instance} (pid {app.Instances.Pid(resource, instance)})");
        var killed = await app.Instances.KillAsync(resource, instance, cancellationToken);
        await app.Instances.WaitUntilBackAsync(resource, instance, killed, cancellationToken);
        Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {resource}-{instance} is back");
    }

    /// <summary>Kills the postmaster and asks the Api for the user's posts until Postgres is back: every answer must be
    /// a 503 with Retry-After (or a success once it is back), never a 500. Returns (503s, 500s).</summary>
    private static async Task<(int Unavailable, int Errors)> KillPostgresAndProbeAsync(BenchApp app, HttpClient api, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} killing postgres (postmaster pid {app.Instances.Pid("postgres", 0)})");
        var killed = await app.Instances.KillAsync("postgres", 0, cancellationToken);
        var back = app.Instances.WaitUntilBackAsync("postgres", 0, killed, cancellationToken);
        var (unavailable, errors) = (0, 0);
        while (!back.IsCompleted)
        {
            using var response = await api.GetAsync("/api/content/posts", cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
            {
                unavailable++;
            }
            else if (!response.IsSuccessStatusCode)
            {
                errors++;
                Console.Error.WriteLine($"  the Api answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            await Task.WhenAny(back, Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken));
        }
        await back;
        Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} postgres is back ({unavailable}× 503, {errors}× other errors meanwhile)");
        return (unavailable, errors);
    }

    private static async Task DelayUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>Until no publication is open, or the deadline; returns how many are still open then. Reads that fail
    /// (Postgres restarting) are simply tried again.</summary>
    private static async Task<int> WaitUntilFinalAsync(BenchApp app, Guid[] ids, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var open = ids.Length;
        while (true)
        {
            try
            {
                open = (int)await ScalarAsync<long>(app, "SELECT count(*) FROM post_publications WHERE post_id = ANY($1) AND status IN ('pending', 'claimed', 'sending')", ids, cancellationToken);
            }
            catch (NpgsqlException)
            {
                // The database is restarting; ask again.
            }
            if (open == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return open;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static async Task<ChaosResult> TallyAsync(
        BenchApp app, Guid[] ids, string prefix, int stuck, int unavailable, int errors, int workerKills, int postgresKills,
        CancellationToken cancellationToken)
    {
        var received = (await app.Sandbox.GetFromJsonAsync<JsonElement[]>("/api/published?platform=linkedin", cancellationToken) ?? [])
            .Select(p => (Id: p.GetProperty("external_id").GetString()!, Text: p.GetProperty("text").GetString()!))
            .Where(p => p.Text.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var receivedIds = received.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var receivedTexts = received.Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
        var duplicates = received.GroupBy(r => r.Text).Sum(g => g.Count() - 1);

        await using var command = app.Owner.CreateCommand("""
            SELECT p.content, p.status::text, q.status::text, q.external_id, coalesce(q.error_message, ''),
                   p.status::text <> CASE WHEN q.status = 'failed' THEN 'failed' WHEN q.status = 'published' THEN 'published' ELSE 'scheduled' END
            FROM posts p JOIN post_publications q ON q.post_id = p.id WHERE p.id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var (published, neverReceived, inconsistent, failedYetReceived) = (0, 0, 0, 0);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (text, post, publication, externalId, error) = (reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
            inconsistent += reader.GetBoolean(5) ? 1 : 0;
            if (post == "published" || publication == "published")
            {
                published += post == "published" ? 1 : 0;
                // Published here: the platform must have this very post (its id), with this text.
                neverReceived += externalId is not null && receivedIds.Contains(externalId) && receivedTexts.Contains(text) ? 0 : 1;
            }
            if (publication == "failed")
            {
                var reason = Reason(error);
                failed[reason] = failed.GetValueOrDefault(reason) + 1;
                // Told "failed" while the platform has it: not a duplicate, but a wrong answer to the user (reported, not judged).
                failedYetReceived += receivedTexts.Contains(text) ? 1 : 0;
            }
        }
        return new ChaosResult(ids.Length, published, failed, stuck, duplicates, neverReceived, inconsistent, failedYetReceived, unavailable, errors,
            workerKills, postgresKills);
    }

    /// <summary>The reason without the figures that make each message unique.</summary>
    private static string Reason(string error) =>
        System.Text.RegularExpressions.Regex.Replace(error, @"\d+", "N").Trim();

    private static async Task<T> ScalarAsync<T>(BenchApp app, string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var command = app.Owner.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), CultureInfo.InvariantCulture);
    }
}
