using Hangfire;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Worker.Jobs;

/// <summary>Every minute: the operator's AI cost alert mails still owed (<see cref="AiCostAlertEmails"/>). A mail that
/// cannot be sent now is taken again <see cref="PublishingOptions.NoticeRetryAfter"/> later, like the users' emails.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed partial class AiCostAlertMailJob(
    OverdueNotices notices, AiCostAlertEmails emails, TimeProvider clock, IOptions<PublishingOptions> options, ILogger<AiCostAlertMailJob> logger)
{
    public const string Id = "ai-cost-alert-mail";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retryAfter = options.Value.NoticeRetryAfter;
        foreach (var (userId, month) in await notices.TakeOverdueCostAlertsAsync(now, now + retryAfter, cancellationToken))
        {
            try
            {
                await emails.SendAsync(userId, month, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failing mail must not hold back the others; this one stays owed.
                LogUnsent(e, userId, month, retryAfter);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The AI cost alert mail for user {UserId} ({Month}) could not be sent; trying again in {RetryAfter}")]
    private partial void LogUnsent(Exception exception, Guid userId, DateOnly month, TimeSpan retryAfter);
}
