using System.Runtime.InteropServices;

namespace SocialPlanner.Hosting.Processes;

/// <summary>POSIX signals for graceful stops; .NET only offers SIGKILL through Process.Kill.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public static void Send(int pid, int signal) => _ = Kill(pid, signal);

    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 && !IsZombie(pid);

    // A reaped-but-unwaited child still answers kill(0); it is gone for our purposes.
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
