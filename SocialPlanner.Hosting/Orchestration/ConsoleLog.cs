using System.Collections.Concurrent;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Orchestration;

/// <summary>Where every resource's console lines go: its ring buffer, our console, the test's sink.</summary>
internal sealed class ConsoleLog(DistributedApplicationOptions options)
{
    public const string AppHost = "apphost";

    private readonly ConcurrentDictionary<string, LogBuffer> _buffers = new();
    private readonly Lock _consoleGate = new();

    public LogBuffer BufferOf(string resource) => _buffers.GetOrAdd(resource, _ => new LogBuffer());

    public void Write(string resource, int instance, bool isError, string text)
    {
        BufferOf(resource).Append(instance, isError, text);
        options.LogSink?.Invoke(resource, instance, text);
        if (options.EchoConsole)
        {
            lock (_consoleGate)
            {
                Console.Out.WriteLine($"[{resource}{(instance > 0 ? $"-{instance}" : "")}] {text}");
            }
        }
    }

    public void Info(string text) => Write(AppHost, 0, isError: false, text);
}
