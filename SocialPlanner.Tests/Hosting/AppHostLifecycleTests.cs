using SocialPlanner.Benchmarks;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue #13 §1 and §5: the AppHost as a developer runs it (its built program, development ports, crash
/// restarts on) — all healthy, a killed service and a killed Redis started again by the AppHost, and SIGTERM leaving
/// no process behind. It takes the development ports, so it fails while a developer's <c>./run.sh</c> is up.</summary>
public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly (string Name, int Port)[] Services = [("web", 5000), ("api", 5080), ("worker", 5090), ("sandbox", 5070)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_AppHost_restarts_what_crashes_and_leaves_no_process_behind_on_SIGTERM()
    {
        var dataRoot = AppHostArguments.NewDataRoot();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        var clock = Stopwatch.StartNew();
        using var appHost = StartAppHost(dataRoot, output);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Task.WhenAll(Services.Select(s => HealthyAsync(http, s.Port, timeout.Token)));
            TestContext.Current.TestOutputHelper?.WriteLine($"AppHost start to all healthy: {clock.Elapsed.TotalSeconds:0.0} s");
            using (var dashboard = await http.GetAsync(new Uri("http://localhost:18888/"), timeout.Token))
            {
                Assert.True(dashboard.IsSuccessStatusCode, $"dashboard: {dashboard.StatusCode}");
            }

            var tree = ProcessTree(appHost.Id);
            Assert.Superset(new HashSet<string> { "postgres", "redis-server", "SocialPlanner.Api", "SocialPlanner.Worker", "SocialPlanner.Web", "SocialPlanner.Sandbox" },
                tree.Select(p => p.Program).ToHashSet());

            // A crash (SIGKILL) is not a stop: the AppHost starts the service again after its back-off.
            var web = tree.Single(p => p.Program == "SocialPlanner.Web");
            web.Kill();
            await UntilAsync(() => ProcessTree(appHost.Id).Any(p => p.Program == "SocialPlanner.Web" && p.Pid != web.Pid), timeout.Token);
            await HealthyAsync(http, 5000, timeout.Token);

            var redis = tree.Single(p => p.Program == "redis-server");
            redis.Kill();
            await UntilAsync(() => ProcessTree(appHost.Id).Any(p => p.Program == "redis-server" && p.Pid != redis.Pid), timeout.Token);
            await UntilAsync(() => AnswersPing(16379), timeout.Token);

            var everything = ProcessTree(appHost.Id);
            Signals.Terminate(appHost.Id);
            await appHost.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, appHost.ExitCode);
            await UntilAsync(() => !everything.Any(p => p.IsStillRunning()), timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"timed out; AppHost output:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(80))}");
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }
            AppHostArguments.DeleteDataRoot(dataRoot);
        }
    }

    /// <summary>The built AppHost with what its launch profile gives <c>dotnet run</c> (development, the dashboard on
    /// 18888 without a login), crash restarts on.</summary>
    private static Process StartAppHost(string dataRoot, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo(BuiltProcess.Executable("SocialPlanner.AppHost"))
        {
            WorkingDirectory = Path.Combine(BuiltProcess.RepositoryRoot, "SocialPlanner.AppHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in AppHostArguments.For(dataRoot, restartCrashedResources: true))
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = "http://localhost:18888";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:18890";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        info.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Everything the AppHost runs: DCP detaches from it (its API server watches the AppHost's PID through
    /// <c>--monitor</c>), so the tree is that server and its descendants.</summary>
    private static List<LiveProcess> ProcessTree(int appHostPid)
    {
        var all = Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? LiveProcess.Of(pid) : null)
            .OfType<LiveProcess>().ToList();
        var roots = all.Where(p => p.CommandLine.Contains($"--monitor {appHostPid} ", StringComparison.Ordinal)
            || p.CommandLine.EndsWith($"--monitor {appHostPid}", StringComparison.Ordinal)).Select(p => p.Pid).ToHashSet();
        var tree = new HashSet<int>(roots);
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var process in all.Where(p => !tree.Contains(p.Pid) && tree.Contains(p.ParentPid)))
            {
                grown |= tree.Add(process.Pid);
            }
        }
        return all.Where(p => tree.Contains(p.Pid)).ToList();
    }

    private static async Task HealthyAsync(HttpClient http, int port, CancellationToken cancellationToken) =>
        await UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://localhost:{port}/health"), cancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }, cancellationToken);

    private static bool AnswersPing(int port)
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", port);
            client.GetStream().Write("PING\r\n"u8);
            var buffer = new byte[8];
            return client.GetStream().Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Task UntilAsync(Func<bool> done, CancellationToken cancellationToken) => UntilAsync(() => Task.FromResult(done()), cancellationToken);

    private static async Task UntilAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (!await done())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>A process identified by PID and start time, so a recycled PID is not mistaken for a survivor.</summary>
    private sealed record LiveProcess(int Pid, int ParentPid, string Command, string CommandLine, long StartTime)
    {
        /// <summary>The file name of the program run (the kernel's own name for it is cut at 15 characters).</summary>
        public string Program => Path.GetFileName(CommandLine.Split(' ')[0]);

        public static LiveProcess? Of(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
                // Fields here start at field 3 of /proc/pid/stat: [1] is the parent (4), [19] the start time (22).
                return new LiveProcess(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), command, commandLine,
                    long.Parse(fields[19], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        public bool IsStillRunning() => Of(Pid) is { } now && now.StartTime == StartTime && !now.IsZombie();

        public void Kill()
        {
            using var process = Process.GetProcessById(Pid);
            process.Kill();
        }

        private bool IsZombie() => File.ReadAllText($"/proc/{Pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] == 'Z';
    }

    private static class Signals
    {
        public static void Terminate(int pid) => _ = Kill(pid, 15);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
