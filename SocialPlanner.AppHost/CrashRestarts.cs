using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>Starts again any service or server that exits without having been asked to stop (a crash, a kill), after
/// 1 s, then 2 s, 4 s … up to 30 s while it keeps crashing within a minute of starting. One-shot resources that others
/// wait to complete (the migrations) are left alone. The publishing guarantees are tested with killed workers and a
/// killed Postgres; this is what brings them back, as a Kubernetes restart policy would in production.</summary>
internal static class CrashRestarts
{
    public static IDistributedApplicationBuilder RestartCrashedResources(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (settings.RestartCrashedResources && builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<CrashRestarter>();
        }
        return builder;
    }

    private sealed class CrashRestarter(
        DistributedApplicationModel model,
        ResourceNotificationService notifications,
        ResourceCommandService commands,
        IHostApplicationLifetime lifetime,
        ILogger<CrashRestarter> log) : BackgroundService
    {
        private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(30);

        private readonly ConcurrentDictionary<string, Instance> _instances = new();

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var oneShots = model.Resources
                .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
                .Where(w => w.WaitType == WaitType.WaitForCompletion)
                .Select(w => w.Resource)
                .ToHashSet();
            try
            {
                await foreach (var update in notifications.WatchAsync(stoppingToken))
                {
                    if (update.Resource is not (ProjectResource or ExecutableResource) || oneShots.Contains(update.Resource))
                    {
                        continue;
                    }
                    var instance = _instances.GetOrAdd(update.ResourceId, _ => new Instance());
                    var state = update.Snapshot.State?.Text;
                    var previous = instance.State;
                    instance.State = state;
                    if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
                    {
                        instance.RunningSince = DateTimeOffset.UtcNow;
                    }
                    var crashed = (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart)
                        && previous == KnownResourceStates.Running;
                    if (crashed && !lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        instance.Crashes = DateTimeOffset.UtcNow - instance.RunningSince > StableAfter ? 1 : instance.Crashes + 1;
                        var backOff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, instance.Crashes - 1), LongestBackOff.TotalSeconds));
                        log.LogWarning("{Resource} exited unexpectedly (exit code {ExitCode}); starting it again in {BackOff}",
                            update.ResourceId, update.Snapshot.ExitCode, backOff);
                        _ = RestartAsync(update.ResourceId, backOff, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        private async Task RestartAsync(string resourceId, TimeSpan backOff, CancellationToken stoppingToken)
        {
            try
            {
                await Task.Delay(backOff, stoppingToken);
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }
                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (!result.Success)
                {
                    log.LogError("Could not start {Resource} again: {Error}", resourceId, result.Message);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        private sealed class Instance
        {
            public string? State { get; set; }

            public DateTimeOffset RunningSince { get; set; }

            public int Crashes { get; set; }
        }
    }
}
