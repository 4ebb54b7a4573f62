using System.Diagnostics;

/// <summary>Whether Docker or Podman is installed and its engine answers, as Aspire would need to run containers.</summary>
internal static class ContainerRuntime
{
    public static bool Answers() => Answers("docker") || Answers("podman");

    private static bool Answers(string runtime)
    {
        if (MachineBinaries.Find(runtime) is not { } path)
        {
            return false;
        }
        try
        {
            using var info = Process.Start(new ProcessStartInfo(path, ["info"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }
            info.StandardOutput.ReadToEndAsync();
            info.StandardError.ReadToEndAsync();
            if (!info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info.Kill();
                return false;
            }
            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
