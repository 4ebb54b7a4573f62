using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialPlanner.Hosting;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue 2 §2: the AppHost as a developer runs it — started, all healthy, stopped by a signal without
/// orphans — and the restart of a crashed service in development.</summary>
public sealed partial class AppHostLifecycleTests
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Stopping_the_AppHost_with_SIGTERM_leaves_no_orphan_processes()
    {
        var dataRoot = Path.Combine("/var/tmp/socialplanner", "lifecycle-" + Guid.NewGuid().ToString("N")[..12]);
        var dashboard = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        using var appHost = StartAppHost(dataRoot, line =>
        {
            if (DashboardLine().Match(line) is { Success: true } match)
            {
                dashboard.TrySetResult(new Uri(match.Groups[1].Value));
            }
        });
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(s_startTimeout);
            using var client = new HttpClient { BaseAddress = await dashboard.Task.WaitAsync(timeout.Token) };
            var resources = await WaitUntilAllHealthyAsync(client, timeout.Token);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"AppHost start to all healthy: {clock.Elapsed.TotalSeconds:0.0} s ({resources.Length} resources)");

            var children = ProcessTree.DescendantsOf(appHost.Id).Select(LiveProcess.Of).OfType<LiveProcess>().ToList();
            Assert.Superset(new HashSet<string> { "postgres", "redis-server", "dotnet" }, children.Select(p => p.Command).ToHashSet());
            Assert.All(resources.Select(r => r.GetProperty("pid")).Where(p => p.ValueKind == JsonValueKind.Number),
                pid => Assert.Contains(children, c => c.Pid == pid.GetInt32()));

            Signals.Send(appHost.Id, Signals.SigTerm);
            await appHost.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, appHost.ExitCode);
            Assert.DoesNotContain(children, c => c.IsStillRunning());
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(dataRoot))
            {
                Directory.Delete(dataRoot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_in_development()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Options.EnvironmentName = "Development";
        builder.Options.RestartCrashedResources = true;
        builder.AddProject<Projects.SocialPlanner_Web>("web");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout);
        var before = app.ResourceNotifications.GetSnapshots("web").Single();

        var crash = Stopwatch.StartNew();
        Process.GetProcessById(before.Pid!.Value).Kill();
        await app.ResourceNotifications.WaitForResourceAsync("web",
            s => s.Restarts == 1 && s.State == ResourceState.Running && s.Health == HealthStatus.Healthy, timeout);

        var after = app.ResourceNotifications.GetSnapshots("web").Single();
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.False(ProcessTree.IsAlive(before.Pid.Value));
        Assert.True(crash.Elapsed >= TimeSpan.FromSeconds(1), $"restarted after {crash.Elapsed}, before the 1 s back-off");
        Assert.Contains(app.GetLogs("web"), l => l.Text == "web crashed with exit code 137; restarting in 1 s");
        Assert.Equal(before.Urls, after.Urls);
    }

    /// <summary>Issue #12: a killed Redis (like a killed Postgres, which the chaos test kills) comes back by itself.</summary>
    [Fact]
    public async Task A_crashed_redis_is_restarted_like_any_other_resource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Options.RestartCrashedResources = true;
        builder.AddRedis("cache");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout);
        var before = app.ResourceNotifications.GetSnapshots("cache").Single();

        Process.GetProcessById(before.Pid!.Value).Kill();
        await app.ResourceNotifications.WaitForResourceAsync("cache",
            s => s.Restarts == 1 && s.State == ResourceState.Running && s.Health == HealthStatus.Healthy, timeout);

        Assert.NotEqual(before.Pid, app.ResourceNotifications.GetSnapshots("cache").Single().Pid);
        Assert.Contains(app.GetLogs("cache"), l => l.Text == "cache crashed with exit code 137; restarting in 1 s");
    }

    private static Process StartAppHost(string dataRoot, Action<string> onLine)
    {
        var configuration = typeof(AppHostLifecycleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var appHostDirectory = Path.GetDirectoryName(new Projects.SocialPlanner_AppHost().ProjectPath)!;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "exec", Path.Combine(appHostDirectory, "bin", configuration, "net10.0", "SocialPlanner.AppHost.dll"),
                "--Hosting:RandomPorts=true", $"--Hosting:DataRoot={dataRoot}", "--Hosting:DashboardPort=0",
            },
            WorkingDirectory = appHostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => onLine(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => onLine(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls the dashboard's JSON until every resource is healthy (one-shots: finished).</summary>
    private static async Task<JsonElement[]> WaitUntilAllHealthyAsync(HttpClient dashboard, CancellationToken cancellationToken)
    {
        while (true)
        {
            var resources = await dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources", cancellationToken);
            if (resources is { Length: > 0 } && resources.All(r =>
                    r.GetProperty("state").GetString() == "Finished"
                    || (r.GetProperty("state").GetString() == "Running" && r.GetProperty("health").GetString() == "Healthy")))
            {
                return resources;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    [GeneratedRegex(@"\[apphost\] dashboard: (http://\S+)")]
    private static partial Regex DashboardLine();

    /// <summary>A process identified by PID and start time, so a recycled PID is not mistaken for a survivor.</summary>
    private sealed record LiveProcess(int Pid, string Command, long StartTime)
    {
        public static LiveProcess? Of(int pid) => Read(pid) is { } stat ? new LiveProcess(pid, stat.Command, stat.StartTime) : null;

        public bool IsStillRunning() => ProcessTree.IsAlive(Pid) && Read(Pid)?.StartTime == StartTime;

        private static (string Command, long StartTime)? Read(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                // Field 22 of /proc/pid/stat (starttime); fields here start at field 3.
                return (command, long.Parse(fields[19], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
