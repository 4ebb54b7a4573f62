namespace SocialPlanner.Benchmarks;

/// <summary>The AppHost's settings for a test or benchmark run: private data (deleted afterwards), throw-away
/// durability, and no automatic restarts unless asked (runs that kill a process restart it themselves, or test the
/// restart on purpose).</summary>
public static class AppHostArguments
{
    public static string NewDataRoot(string kind = "test") => Path.Combine("/var/tmp/socialplanner", $"{kind}-{Guid.NewGuid().ToString("N")[..12]}");

    public static string[] For(string dataRoot, bool restartCrashedResources = false) =>
    [
        $"--SocialPlanner:DataRoot={dataRoot}",
        "--SocialPlanner:ThrowAwayData=true",
        $"--SocialPlanner:RestartCrashedResources={restartCrashedResources}",
    ];

    public static void DeleteDataRoot(string dataRoot)
    {
        try
        {
            if (Directory.Exists(dataRoot))
            {
                Directory.Delete(dataRoot, recursive: true);
            }
        }
        catch (IOException)
        {
            // A server still writing its last file: the directory is under /var/tmp and named per run.
        }
    }
}
