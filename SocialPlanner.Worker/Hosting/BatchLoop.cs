namespace SocialPlanner.Worker.Hosting;

/// <summary>A Worker loop over rows that fall due (first comments, metrics readings): each round takes one batch in a
/// scope of its own; a full batch is followed at once by the next, otherwise the loop waits <see cref="Interval"/>.
/// The rows are claimed with SKIP LOCKED by the step itself, so every Worker replica runs the loop without a lock.
/// A failed round is logged and the next one retries.</summary>
public abstract partial class BatchLoop(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract int BatchSize { get; }

    /// <summary>One batch; returns how many rows it took.</summary>
    protected abstract Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                taken = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, GetType().Name, e);
            }
            if (taken < BatchSize)
            {
                await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Loop}: a round failed; the next one retries")]
    private static partial void LogRoundFailed(ILogger logger, string loop, Exception exception);
}
