using System.Globalization;

namespace SocialPlanner.Benchmarks;

/// <summary>CPU time the machine's processes spent between two moments, summed by role (Linux <c>/proc</c>): where a
/// drain's time went, ours and the baseline's, in a figure the run-to-run noise of wall-clock rates moves less. A
/// process that ends between the two moments is not counted (none does during a drain).</summary>
public static class ProcessCpu
{
    /// <summary>The roles, in the order they are printed.</summary>
    public static readonly string[] Roles = ["worker", "postgres", "sandbox", "api", "benchmark", "dcp", "redis", "other"];

    /// <summary>Linux's USER_HZ: <c>/proc</c> counts CPU time in hundredths of a second on every supported platform.</summary>
    private const double MillisecondsPerTick = 10;

    public sealed record Snapshot(IReadOnlyDictionary<int, (string Role, long Ticks)> Processes, long MachineBusyTicks);

    /// <summary>Milliseconds of CPU by role, and of the whole machine (every process and the kernel's own work).</summary>
    public sealed record Use(IReadOnlyDictionary<string, double> ByRole, double Machine)
    {
        public double PerPost(string role, int posts) => ByRole.GetValueOrDefault(role) / Math.Max(posts, 1);

        public double MachinePerPost(int posts) => Machine / Math.Max(posts, 1);
    }

    /// <summary>Null off Linux.</summary>
    public static Snapshot? Take()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var processes = new Dictionary<int, (string, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } process)
            {
                processes[pid] = process;
            }
        }
        return new Snapshot(processes, Machine()!.Value.Busy);
    }

    public static Use? Between(Snapshot? before, Snapshot? after)
    {
        if (before is null || after is null)
        {
            return null;
        }
        var byRole = Roles.ToDictionary(r => r, _ => 0.0);
        foreach (var (pid, (role, ticks)) in after.Processes)
        {
            // A process started in between counts from zero.
            var earlier = before.Processes.TryGetValue(pid, out var b) && b.Role == role ? b.Ticks : 0;
            byRole[role] += (ticks - earlier) * MillisecondsPerTick;
        }
        return new Use(byRole, (after.MachineBusyTicks - before.MachineBusyTicks) * MillisecondsPerTick);
    }

    private static (string Role, long Ticks)? Read(int pid)
    {
        try
        {
            // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so fields count from the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            return (RoleOf(pid, comm), ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // gone, or not ours to read
        }
    }

    private static string RoleOf(int pid, string comm)
    {
        if (pid == Environment.ProcessId)
        {
            return "benchmark";
        }
        if (comm == "postgres")
        {
            return "postgres";
        }
        if (comm.StartsWith("redis-server", StringComparison.Ordinal))
        {
            return "redis";
        }
        if (comm.StartsWith("dcp", StringComparison.Ordinal))
        {
            return "dcp";
        }
        // comm is cut at 15 characters ("SocialPlanner.W" is the Worker or the Web): the executable's name tells them apart.
        var program = Path.GetFileName(File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0]);
        return program switch
        {
            "SocialPlanner.Worker" => "worker",
            "SocialPlanner.Sandbox" => "sandbox",
            "SocialPlanner.Api" => "api",
            _ => "other",
        };
    }

    /// <summary>Cumulative jiffies of all cores from <c>/proc/stat</c>: (busy, total); null off Linux.</summary>
    public static (long Busy, long Total)? Machine()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return null;
        }
        // "cpu  user nice system idle iowait irq softirq steal …"
        var fields = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }
}
