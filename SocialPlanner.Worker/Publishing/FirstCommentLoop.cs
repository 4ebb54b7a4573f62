using SocialPlanner.Core.Publishing;
using SocialPlanner.Worker.Hosting;

namespace SocialPlanner.Worker.Publishing;

/// <summary>Runs the first-comment step (issue #17 §3) beside the dispatcher, every second. Comments are few and never
/// urgent to the second, so a poll on a small partial index is cheaper than another LISTEN channel.</summary>
public sealed class FirstCommentLoop(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FirstCommentLoop> logger)
    : BatchLoop(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override int BatchSize => 20;

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<FirstCommentStep>().RunOnceAsync(BatchSize, cancellationToken);
}
