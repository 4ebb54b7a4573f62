using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Calendar;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>Takes one claimed publication, read with its batch by <see cref="PublicationLoader"/>, through one attempt:
/// get a valid token, let the platform's publisher prepare the send (or reconcile), record "being sent" under the claim's
/// lease, send, record the outcome, tell the user if it failed. Runs in its own DI scope.</summary>
public sealed partial class PublicationProcessor(
    AppDbContext db, PublicationWrites writes, IEnumerable<IPlatformPublisher> publishers, SocialTokens tokens,
    IPublishingNotifier notifier, PublishingTelemetry telemetry, CalendarVersions calendars, TimeProvider clock,
    IOptions<PublishingOptions> options, ILogger<PublicationProcessor> logger)
{
    /// <summary>The change recorded, or null when the lease was lost and nothing was.</summary>
    public async Task<PublicationChange?> ProcessAsync(PublicationWork work, CancellationToken cancellationToken)
    {
        var claim = work.Claim;
        // A child of the schedule request's span: the attempt, its platform calls included, joins the post's trace.
        using var activity = PublishingTelemetry.Source.StartActivity("publish", ActivityKind.Internal,
            ActivityContext.TryParse(claim.TraceParent, null, out var scheduled) ? scheduled : default);
        activity?.SetTag("publication.id", claim.Id);
        activity?.SetTag("publication.platform", claim.Platform.ToString());
        activity?.SetTag("publication.reconcile", claim.Reconcile);
        activity?.SetTag("publication.attempt", claim.Attempts + 1);

        var (outcome, handle) = await AttemptAsync(work, cancellationToken);
        telemetry.RecordOutcome(claim.Platform, outcome);
        activity?.SetTag("publication.outcome", PublishingTelemetry.OutcomeName(outcome));

        if (outcome is PublishOutcome.Paused paused)
        {
            // Counted with the other outcomes (outcome="paused"); logged because it is not an attempt.
            LogPaused(claim.Id, claim.Platform, paused.RetryAfter);
        }
        var change = PublicationRules.Decide(outcome, claim.Attempts, handle, clock.GetUtcNow(), options.Value, claim.Reconcile);
        if (change is null || await writes.CompleteAsync(claim, change, cancellationToken) is null)
        {
            LogLeaseLost(claim.Id);
            return null;
        }
        await calendars.BumpAsync(claim.UserId);

        if (change.Status == PublicationStatus.Failed)
        {
            LogFailed(claim.Id, claim.Platform, change.ErrorMessage);
            notifier.PublicationFailed(claim.Id);
        }
        return change;
    }

    /// <summary>The attempt's outcome, and the handle to reconcile from: the one recorded with "being sent" in this
    /// attempt, or the claim's own.</summary>
    private async Task<(PublishOutcome Outcome, string? Handle)> AttemptAsync(PublicationWork work, CancellationToken cancellationToken)
    {
        var (claim, post, connection, dailyLimitUntil) = work;
        if (post is null)
        {
            return (new PublishOutcome.Cancelled(PublishingStrings.Failure("PostDeleted")), claim.PlatformHandle);
        }

        if (dailyLimitUntil is { } limitedUntil)
        {
            return (new PublishOutcome.QuotaExhausted(limitedUntil), claim.PlatformHandle);
        }
        var publisher = publishers.Single(p => p.Platform == claim.Platform);
        var media = post.Media.Select(m => m.Media).OfType<MediaItem>().ToList();
        // A re-claimed send is reconciled whatever the text now says: it may already be out.
        if (!claim.Reconcile && PublicationRules.BrokenPlatformRules(claim.Platform, post) is { } broken)
        {
            return (broken, claim.PlatformHandle);
        }
        var images = media.Where(m => m.Type == MediaType.Image).ToList();

        var handle = claim.PlatformHandle;
        var refreshed = false;
        IReadOnlySet<string>? otherPosts = null;
        while (true)
        {
            if (connection is not null && (refreshed || TokenRules.NeedsRefresh(connection, clock.GetUtcNow(), options.Value.TokenRefreshAhead)))
            {
                // The batch's snapshot is shared and untracked: a refresh works on this scope's own copy of the row,
                // which also shows whether another worker refreshed it meanwhile.
                connection = await db.SocialConnections.FirstOrDefaultAsync(c => c.Id == connection.Id, cancellationToken);
            }
            var accessToken = connection is null ? null : await tokens.AccessTokenAsync(connection, forceRefresh: refreshed, cancellationToken);
            if (accessToken is null)
            {
                var platform = PostState.PlatformName(claim.Platform);
                return (claim.Reconcile ? new PublishOutcome.Unconfirmed(PublishingStrings.Failure("NoConnection", platform))
                        : new PublishOutcome.NotSent(PublishingStrings.Failure("NoConnectionReconnect", platform), false),
                    claim.PlatformHandle);
            }

            otherPosts ??= claim.Reconcile || claim.SendingAt is not null ? await OtherPostsAsync(claim, cancellationToken) : null;
            var request = new PublishRequest(post, images, accessToken, connection!.ProfileId, claim.PlatformHandle, claim.SendingAt, otherPosts);
            var preparation = claim.Reconcile
                ? await publisher.PrepareReconcileAsync(request, cancellationToken)
                : await publisher.PrepareAsync(request, cancellationToken);
            PublishOutcome outcome;
            if (preparation is Preparation.Ready { Send: var send })
            {
                if (!await MarkSendingAsync(claim, send.Handle, cancellationToken))
                {
                    return (new PublishOutcome.LeaseLost(), handle);
                }
                handle = send.Handle ?? handle;
                outcome = await publisher.SendAsync(request, send, cancellationToken);
            }
            else
            {
                outcome = ((Preparation.Finished)preparation).Outcome;
            }

            // A refused token is refreshed once and the attempt repeated: the refusal proves nothing was published.
            if (outcome is not PublishOutcome.TokenRejected || refreshed)
            {
                return (outcome, handle);
            }
            refreshed = true;
        }
    }

    /// <summary>The platform ids of the user's other posts on the claim's platform, for a row sent before: what a
    /// reconciliation finds (a duplicate answer, a caption match) is never one of them. Read only on that rare path.</summary>
    private async Task<IReadOnlySet<string>> OtherPostsAsync(ClaimedPublication claim, CancellationToken cancellationToken) =>
        (await db.PostPublications.AsNoTracking()
            .Where(p => p.UserId == claim.UserId && p.Platform == claim.Platform && p.Id != claim.Id && p.ExternalId != null)
            .Select(p => p.ExternalId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Records "being sent" under the claim's lease just before the request that can publish; false when the
    /// lease is gone (rescheduled, edited, cancelled, taken over), and then nothing may be sent.</summary>
    private async Task<bool> MarkSendingAsync(ClaimedPublication claim, string? handle, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await writes.MarkSendingAsync(new SendingMark(claim.Id, claim.Lease, now, handle), cancellationToken))
        {
            return false;
        }
        if (!claim.Reconcile && claim.Attempts == 0)
        {
            telemetry.RecordLateness(claim.Platform, now - claim.ScheduledAt);
        }
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Publication {PublicationId}: lease lost, result not recorded")]
    private partial void LogLeaseLost(Guid publicationId);

    [LoggerMessage(LogLevel.Information, "Publication {PublicationId}: {Platform}'s circuit breaker is open; no attempt spent, trying again in {Wait}")]
    private partial void LogPaused(Guid publicationId, Social.SocialPlatform platform, TimeSpan wait);

    [LoggerMessage(LogLevel.Warning, "Publication {PublicationId} to {Platform} failed: {Error}")]
    private partial void LogFailed(Guid publicationId, Social.SocialPlatform platform, string? error);
}
