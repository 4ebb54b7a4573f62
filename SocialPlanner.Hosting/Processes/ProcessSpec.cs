namespace SocialPlanner.Hosting.Processes;

/// <summary>Everything needed to launch one child process.</summary>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory);
