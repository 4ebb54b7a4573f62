using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social.LinkedIn;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace SocialPlanner.Benchmarks;

/// <summary>One publication as the database recorded it.</summary>
public sealed record Timing(DateTimeOffset ScheduledAt, DateTimeOffset? SendingAt, DateTimeOffset? PublishedAt, string Status);

/// <summary>What one drain measured. <see cref="Duplicates"/>: posts the sandbox received more than once, counted by it.
/// <see cref="Cpu"/>: the machine's CPU time from the moment the drain's first posts were due (or the loops started) until
/// they were all final. <see cref="Commits"/>: how many transactions wrote the drain's rows last (their distinct
/// <c>xmin</c>), i.e. how well the completions were grouped.</summary>
public sealed record Drain(
    string Name, IReadOnlyList<Guid> PostIds, IReadOnlyList<Timing> Timings, TimeSpan Elapsed, int Received, int Duplicates,
    ProcessCpu.Use? Cpu = null, int? Commits = null);

/// <summary>The real app (sandbox, Api, K workers, Postgres, Redis) started by the testing builder, and the owner
/// connection the benchmark seeds and reads through.</summary>
public sealed class BenchApp : IAsyncDisposable
{
    private static readonly string[] Services = ["sandbox", "api", "worker"];

    private BenchApp(DistributedApplication app, ResourceInstances instances, string dataRoot, NpgsqlDataSource owner, BenchmarkOptions options)
    {
        App = app;
        Instances = instances;
        _dataRoot = dataRoot;
        Owner = owner;
        Options = options;
        Sandbox = app.CreateHttpClient("sandbox");
        LinkedIn = new LinkedInClient(Sandbox, Microsoft.Extensions.Options.Options.Create(new LinkedInOptions
        {
            ClientId = "sandbox-linkedin-client", ClientSecret = "sandbox-linkedin-secret",
            AuthorizeUrl = new Uri(Sandbox.BaseAddress!, "oauth/v2/authorization"),
            TokenUrl = new Uri(Sandbox.BaseAddress!, "oauth/v2/accessToken"), ApiBaseUrl = Sandbox.BaseAddress,
        }), TimeProvider.System);
    }

    private readonly string _dataRoot;

    public DistributedApplication App { get; }

    public ResourceInstances Instances { get; }

    public NpgsqlDataSource Owner { get; }

    /// <summary>Vacuums the publishing tables before a measured drain, so Postgres's autovacuum of the rows the previous
    /// drain left dead cannot start in the middle of one drain and not the other (a run on 2026-12-07 had Postgres
    /// spend twice the CPU per post in the app's drain while the baseline ran clean).</summary>
    public async Task VacuumAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Owner.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE) post_publications, posts", connection);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public BenchmarkOptions Options { get; }

    public HttpClient Sandbox { get; }

    public LinkedInClient LinkedIn { get; }

    /// <summary>Tells this run's posts from earlier ones in the sandbox's ledger.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <param name="restartCrashedResources">As in development: the AppHost starts a killed process again.</param>
    public static async Task<BenchApp> StartAsync(BenchmarkOptions options, CancellationToken cancellationToken,
        Action<IDistributedApplicationTestingBuilder>? configure = null, bool restartCrashedResources = false)
    {
        Console.Error.WriteLine($"Starting the app with {options.Workers} workers…");
        var dataRoot = AppHostArguments.NewDataRoot("bench");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialPlanner_AppHost>(
            AppHostArguments.For(dataRoot, restartCrashedResources), cancellationToken);
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithReplicas(options.Workers)
            // The benchmark measures publishing, not logging: console output is captured by the host either way.
            .WithEnvironment("Logging__LogLevel__Default", "Warning")
            // The bare loops have no daily limit: with more than 100 posts per user (--posts / --users) LinkedIn's would
            // hold the rest for a day. The day is still counted (its query is part of every batch), just never applied.
            .WithEnvironment("Publishing__LinkedInDailyPostLimit", "0");
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        var instances = ResourceInstances.Follow(app);
        await app.StartAsync(cancellationToken);
        await Task.WhenAll(Services.Select(s => app.ResourceNotifications.WaitForResourceHealthyAsync(s, cancellationToken)));
        var connectionString = await app.GetConnectionStringAsync(AppDatabase.ConnectionName, cancellationToken)
            ?? throw new InvalidOperationException("No database connection string.");
        var owner = new NpgsqlDataSourceBuilder(connectionString);
        AppDatabase.ConfigureDataSource(owner);
        return new BenchApp(app, instances, dataRoot, owner.Build(), options);
    }

    /// <summary>Writes <paramref name="count"/> scheduled LinkedIn posts spread round-robin over the accounts, due as
    /// <paramref name="schedule"/> says, wakes the dispatchers, and waits until every publication is final.</summary>
    public async Task<Drain> DrainAsync(IReadOnlyList<Account> accounts, int count, Schedule schedule, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var now = DateTimeOffset.UtcNow;
        var due = Enumerable.Range(0, count).Select(i => schedule.DueAt(now, i, count)).ToArray();
        await Seeder.InsertScheduledPostsAsync(Owner, ids, ids.Select((_, i) => accounts[i % accounts.Count].UserId).ToArray(),
            ids.Select((_, i) => Text(schedule.Name, i)).ToArray(), due, cancellationToken);
        Console.Error.WriteLine($"{count} posts due {(schedule.Name == "burst" ? $"at {due[0]:HH:mm:ss.fff}" : $"from {due[0]:HH:mm:ss} to {due[^1]:HH:mm:ss}")}; draining…");

        // CPU counts from the due time: the lead before it holds the inserts' aftermath (WAL, autovacuum's analyze), not the drain.
        if (due.Min() - DateTimeOffset.UtcNow is { } untilDue && untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue, cancellationToken);
        }
        var cpuBefore = ProcessCpu.Take();
        await WaitUntilFinalAsync(ids, due.Max() - now + TimeSpan.FromSeconds(30 + count / 20), cancellationToken);
        var cpu = ProcessCpu.Between(cpuBefore, ProcessCpu.Take());
        var timings = await TimingsAsync(ids, cancellationToken);
        var elapsed = timings.Max(t => t.PublishedAt ?? t.ScheduledAt) - due.Min();
        var (received, duplicates) = await CountReceivedAsync($"Bench {Run} {schedule.Name} ", cancellationToken);
        return new Drain(schedule.Name, ids, timings, elapsed, received, duplicates, cpu, await CommitsAsync(ids, cancellationToken));
    }

    public static string TextOf(string run, string schedule, int i) => $"Bench {run} {schedule} {i:D5}";

    private string Text(string schedule, int i) => TextOf(Run, schedule, i);

    private async Task WaitUntilFinalAsync(Guid[] postIds, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            await using var command = Owner.CreateCommand(
                "SELECT count(*) FROM post_publications WHERE post_id = ANY($1) AND status IN ('pending', 'claimed', 'sending')");
            command.Parameters.Add(new NpgsqlParameter { Value = postIds });
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Publications still open after {patience.TotalSeconds:F0} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The distinct transactions that last wrote these posts' publications.</summary>
    public async Task<int> CommitsAsync(Guid[] postIds, CancellationToken cancellationToken)
    {
        await using var command = Owner.CreateCommand("SELECT count(DISTINCT xmin::text) FROM post_publications WHERE post_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = postIds });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<Timing>> TimingsAsync(Guid[] postIds, CancellationToken cancellationToken)
    {
        await using var command = Owner.CreateCommand(
            "SELECT scheduled_at, sending_at, published_at, status::text FROM post_publications WHERE post_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = postIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var timings = new List<Timing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            timings.Add(new Timing(reader.GetFieldValue<DateTimeOffset>(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }
        return timings;
    }

    /// <summary>The sandbox's own count: posts received whose text starts with the prefix, and how many of those were
    /// sent more than once (a second post, or a repeated request for the same one).</summary>
    public async Task<(int Received, int Duplicates)> CountReceivedAsync(string prefix, CancellationToken cancellationToken)
    {
        var published = await Sandbox.GetFromJsonAsync<JsonElement[]>("/api/published?platform=linkedin", cancellationToken) ?? [];
        var ours = published.Where(p => p.GetProperty("text").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var extraPosts = ours.GroupBy(p => p.GetProperty("text").GetString()).Sum(g => g.Count() - 1);
        var repeatedRequests = ours.Sum(p => p.GetProperty("request_count").GetInt32() - 1);
        return (ours.Count, extraPosts + repeatedRequests);
    }

    public async Task StopWorkersAsync()
    {
        for (var instance = 0; instance < Options.Workers; instance++)
        {
            await Instances.StopAsync("worker", instance, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        await Owner.DisposeAsync();
        Instances.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        AppHostArguments.DeleteDataRoot(_dataRoot);
    }
}
