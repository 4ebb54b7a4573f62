using System.Reflection;

namespace SocialPlanner.Hosting.Testing;

/// <summary>
/// Runs an AppHost's entry point so that <c>DistributedApplication.CreateBuilder</c> returns a testing
/// builder and <c>Build()</c> hands the model back instead of running it. The hook lives in an
/// AsyncLocal set on the entry point's own thread, so concurrent tests never see each other's hook.
/// </summary>
internal sealed class EntryPointCapture(DistributedApplicationOptions options)
{
    private static readonly AsyncLocal<EntryPointCapture?> s_current = new();

    private readonly TaskCompletionSource<DistributedApplicationBuilder> _builder =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static EntryPointCapture? Current => s_current.Value;

    public DistributedApplicationOptions Options { get; } = options;

    public bool TryHandOver(DistributedApplicationBuilder builder) => _builder.TrySetResult(builder);

    public Task<DistributedApplicationBuilder> CaptureAsync(Assembly appHost, string[] args, CancellationToken cancellationToken)
    {
        var entryPoint = appHost.EntryPoint
            ?? throw new InvalidOperationException($"{appHost.GetName().Name} has no entry point.");
        var thread = new Thread(() => Run(entryPoint, args)) { IsBackground = true, Name = "AppHost entry point" };
        thread.Start();
        return _builder.Task.WaitAsync(cancellationToken);
    }

    private void Run(MethodInfo entryPoint, string[] args)
    {
        s_current.Value = this;
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            _builder.TrySetException(new InvalidOperationException("The AppHost entry point returned without calling Build()."));
        }
        catch (TargetInvocationException e) when (e.InnerException is EntryPointCapturedException)
        {
            // Build() handed the model over; the rest of the entry point must not run.
        }
        catch (TargetInvocationException e)
        {
            _builder.TrySetException(e.InnerException ?? e);
        }
    }
}

/// <summary>Unwinds the AppHost's entry point after its model was captured.</summary>
internal sealed class EntryPointCapturedException : Exception
{
    public EntryPointCapturedException() : base("The app model was captured by the testing builder.")
    {
    }

    public EntryPointCapturedException(string message) : base(message)
    {
    }

    public EntryPointCapturedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
