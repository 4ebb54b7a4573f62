using Hangfire;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Worker.Jobs;

/// <summary>Every 5 minutes: tokens expiring within the hour are refreshed ahead of use.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class TokenRefreshJob(SocialTokens tokens)
{
    public const string Id = "token-refresh";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => tokens.RefreshExpiringAsync(cancellationToken);
}

/// <summary>Every minute, the safety net of the queue; see <see cref="PublicationSweeper"/>. It also queues
/// again the failure and reconnect emails still owed long after they were due: only the Worker can queue emails.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed partial class PublicationSweepJob(
    PublicationSweeper sweeper, OverdueNotices notices, IPublishingNotifier notifier, TimeProvider clock,
    IOptions<PublishingOptions> options, ILogger<PublicationSweepJob> logger)
{
    public const string Id = "publication-sweeper";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (released, overdue, repaired) = await sweeper.SweepAsync(cancellationToken);
        if (released > 0 || overdue > 0 || repaired > 0)
        {
            LogSwept(released, overdue, repaired);
        }

        var now = clock.GetUtcNow();
        var retry = options.Value.NoticeRetryAfter;
        var failures = await notices.TakeOverdueFailureNoticesAsync(now - retry, now, cancellationToken);
        foreach (var publicationId in failures)
        {
            notifier.PublicationFailed(publicationId);
        }
        var reconnects = await notices.TakeOverdueReconnectNoticesAsync(now - retry, now, cancellationToken);
        foreach (var connectionId in reconnects)
        {
            notifier.ReconnectNeeded(connectionId);
        }
        if (failures.Count > 0 || reconnects.Count > 0)
        {
            LogNoticesRequeued(failures.Count, reconnects.Count);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sweeper: {Failures} failure and {Reconnects} reconnect emails still unsent after their retries were queued again")]
    private partial void LogNoticesRequeued(int failures, int reconnects);

    [LoggerMessage(LogLevel.Warning, "Sweeper: {Released} expired leases released, {Overdue} publications overdue, {Repaired} post states repaired")]
    private partial void LogSwept(int released, int overdue, int repaired);
}

/// <summary>Failure and reconnect emails as background jobs, so an SMTP hiccup is retried by Hangfire.</summary>
public sealed class PublishingEmailJob(PublishingEmails emails)
{
    [AutomaticRetry(Attempts = 5)]
    public Task PublicationFailedAsync(Guid publicationId, CancellationToken cancellationToken) =>
        emails.SendPublicationFailedAsync(publicationId, cancellationToken);

    [AutomaticRetry(Attempts = 5)]
    public Task ReconnectNeededAsync(Guid connectionId, CancellationToken cancellationToken) =>
        emails.SendReconnectNeededAsync(connectionId, cancellationToken);
}

/// <summary>Queues the emails durably in Hangfire's storage.</summary>
public sealed class HangfireNotifier(IBackgroundJobClient jobs) : IPublishingNotifier
{
    public void PublicationFailed(Guid publicationId) =>
        jobs.Enqueue<PublishingEmailJob>(j => j.PublicationFailedAsync(publicationId, CancellationToken.None));

    public void ReconnectNeeded(Guid connectionId) =>
        jobs.Enqueue<PublishingEmailJob>(j => j.ReconnectNeededAsync(connectionId, CancellationToken.None));
}
