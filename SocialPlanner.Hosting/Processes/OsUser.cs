using System.Globalization;
using System.Runtime.InteropServices;

namespace SocialPlanner.Hosting.Processes;

/// <summary>
/// An OS account to run a child as. Postgres refuses to run as root, so when we are root its process is
/// started through <c>setpriv</c>, which execs in place: the PID we record is the postmaster itself.
/// </summary>
internal sealed partial record OsUser(string Name, int Uid, int Gid)
{
    public static bool CurrentIsRoot => Environment.IsPrivilegedProcess;

    public static OsUser Find(string name)
    {
        var entry = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f[0] == name)
            ?? throw new DistributedApplicationException(
                $"OS user '{name}' not found: run 'apt-get install -y postgresql' (or ./run.sh, which installs it)");
        return new OsUser(name, Parse(entry[2]), Parse(entry[3]));
    }

    public ProcessSpec Wrap(ProcessSpec spec) => spec with
    {
        FileName = "setpriv",
        Arguments = [$"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "--", spec.FileName, .. spec.Arguments],
    };

    /// <summary>Creates <paramref name="directory"/> (0700) owned by this user.</summary>
    public void CreatePrivateDirectory(string directory)
    {
        MakePrivate(directory);
        GiveOwnership(directory);
    }

    /// <summary>Creates the file or directory's parent as needed and limits it to its owner.</summary>
    public static void MakePrivate(string path, bool isDirectory = true)
    {
        if (isDirectory)
        {
            Directory.CreateDirectory(path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | (isDirectory ? UnixFileMode.UserExecute : UnixFileMode.None));
    }

    public void GiveOwnership(string path)
    {
        if (Chown(path, Uid, Gid) != 0)
        {
            throw new DistributedApplicationException($"cannot give {path} to OS user {Name} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);

    private static int Parse(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
