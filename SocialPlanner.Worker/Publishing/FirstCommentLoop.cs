using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Worker.Publishing;

/// <summary>Runs the first-comment step (issue #17 §3) beside the dispatcher: a full batch is followed at once by the
/// next, otherwise it looks again after <see cref="Interval"/>. Comments are few and never urgent to the second, so a
/// poll on a small partial index is cheaper than another LISTEN channel.</summary>
public sealed partial class FirstCommentLoop(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FirstCommentLoop> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                taken = await scope.ServiceProvider.GetRequiredService<FirstCommentStep>().RunOnceAsync(Batch, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }
            if (taken < Batch)
            {
                await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "First-comment round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);
}
