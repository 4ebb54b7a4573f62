using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using SocialPlanner.Hosting;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Tests.Hosting;

public sealed class OrchestratorTests
{
    [Fact]
    public async Task Postgres_and_redis_become_healthy_and_the_dashboard_reports_them()
    {
        var builder = TestApps.PostgresAndRedis();
        builder.Options.DashboardEnabled = true;
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();

        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("socialplanner", timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout);

        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        var resources = await dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources", timeout);
        Assert.NotNull(resources);
        Assert.All(["postgres", "socialplanner", "cache"], name =>
        {
            var resource = resources.Single(r => r.GetProperty("name").GetString() == name);
            Assert.Equal("Running", resource.GetProperty("state").GetString());
            Assert.Equal("Healthy", resource.GetProperty("health").GetString());
        });
        var logs = await dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources/cache/logs", timeout);
        Assert.Contains(logs!, l => l.GetProperty("text").GetString()!.Contains("Ready to accept connections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_connection_string_runs_a_real_query()
    {
        await using var app = await TestApps.PostgresAndRedis().BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("socialplanner", timeout);

        var connectionString = await app.GetConnectionStringAsync("socialplanner", timeout);
        Assert.Matches(@"^Host=127\.0\.0\.1;Port=\d+;Username=postgres;Password=\w+;Database=socialplanner$", connectionString);
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(timeout);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("socialplanner", await command.ExecuteScalarAsync(timeout));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", await app.GetConnectionStringAsync("cache", timeout));
    }

    [Fact]
    public async Task Stopping_the_app_leaves_no_orphan_processes()
    {
        var app = await TestApps.PostgresAndRedis().BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("socialplanner", timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout);
        var roots = app.ResourceNotifications.GetSnapshots().Select(s => s.Pid).OfType<int>().ToList();
        var processes = roots.Concat(roots.SelectMany(ProcessTree.DescendantsOf)).ToList();
        Assert.Equal(2, roots.Count);
        Assert.True(processes.Count > roots.Count, "postgres should have background processes");

        await app.DisposeAsync();

        Assert.DoesNotContain(processes, ProcessTree.IsAlive);
        Assert.False(Directory.Exists(app.Options.DataRoot));
    }

    [Fact]
    public async Task A_crashed_project_is_reported_with_its_exit_code()
    {
        // The project cannot bind a port we hold, so it dies at start-up like any crashing service.
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var builder = SocialPlanner.Hosting.Testing.DistributedApplicationTestingBuilder.Create();
        builder.AddProject<Projects.SocialPlanner_Web>("crasher")
            .WithArgs("--urls", $"http://127.0.0.1:{((IPEndPoint)occupied.LocalEndpoint).Port}");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => app.ResourceNotifications.WaitForResourceHealthyAsync("crasher", timeout));

        var snapshot = app.ResourceNotifications.GetSnapshots("crasher").Single();
        Assert.Equal(ResourceState.Exited, snapshot.State);
        Assert.NotEqual(0, snapshot.ExitCode);
        Assert.Equal(0, snapshot.Restarts);
        Assert.Contains($"exited with code {snapshot.ExitCode}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_postgres_binary_stops_the_start_with_one_clear_line()
    {
        var builder = TestApps.PostgresAndRedis();
        builder.Options.ExecutableSearchPaths = [];
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(TestApps.Timeout()));

        Assert.Equal("postgres not found: run 'apt-get install -y postgresql' (or ./run.sh, which installs it)", failure.Message);
        Assert.All(app.ResourceNotifications.GetSnapshots(), s => Assert.Null(s.Pid));
    }

    [Fact]
    public async Task Two_apps_started_at_once_get_distinct_ports_and_both_become_healthy()
    {
        await using var first = await TestApps.PostgresAndRedis().BuildAsync(TestContext.Current.CancellationToken);
        await using var second = await TestApps.PostgresAndRedis().BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();

        await Task.WhenAll(first.StartAsync(timeout), second.StartAsync(timeout));
        await Task.WhenAll(
            first.ResourceNotifications.WaitForResourceHealthyAsync("socialplanner", timeout),
            second.ResourceNotifications.WaitForResourceHealthyAsync("socialplanner", timeout),
            first.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout),
            second.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout));

        var ports = new[] { first, second }
            .SelectMany(app => app.ResourceNotifications.GetSnapshots().SelectMany(s => s.Urls))
            .Select(url => new Uri(url).Port)
            .ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.NotEqual(first.Options.DataRoot, second.Options.DataRoot);
    }
}
