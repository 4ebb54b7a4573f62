using System.Diagnostics;

namespace SocialPlanner.Hosting.Processes;

/// <summary>
/// One running child: its console is captured line by line, its exit is observable as a task, and it
/// can be stopped gracefully (a signal, then a kill of the whole tree after a grace period).
/// </summary>
public sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code once the process and its output streams are done.</summary>
    public Task<int> Exited => _exited.Task;

    public static ManagedProcess Start(ProcessSpec spec, Action<bool, string> onLine)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true);
        process.Exited += (_, _) => _ = managed.CompleteAfterOutputDrainedAsync();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;

        void Forward(string? line, bool isError)
        {
            if (line is not null)
            {
                onLine(isError, line);
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the tree.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        Signals.Send(Pid, signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
    }

    public void Dispose() => _process.Dispose();

    private async Task CompleteAfterOutputDrainedAsync()
    {
        // WaitForExitAsync also waits for the redirected streams to reach EOF, so no line is lost.
        await _process.WaitForExitAsync();
        _exited.TrySetResult(_process.ExitCode);
    }
}
