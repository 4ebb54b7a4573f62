using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Calendar;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing;

/// <summary>A publication whose first comment this step holds: <see cref="Reconcile"/> when an earlier attempt may have
/// posted it; <see cref="Lease"/> is the claim's (and names it); <see cref="Attempt"/> is the attempt's number once
/// started (<see cref="CommentQueue.StartAsync"/>), which every later write of the row must match.</summary>
public sealed record ClaimedComment(
    Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, string? PostExternalId, bool Reconcile, int Attempt, DateTimeOffset Lease);

/// <summary>Issue #17 §3: the first comment, its own step after the post is live. It claims published rows still owing
/// a comment (<see cref="CommentQueue"/>: each row is marked "sending" under its claim just before its own call, so two
/// workers never comment twice), comments through the platform, and writes the comment's state alone: the post's
/// publication is never touched, so a comment can neither re-publish the post nor make it fail. Runs in its own DI scope.</summary>
public sealed partial class FirstCommentStep(
    AppDbContext db, SocialTokens tokens, InstagramClient instagram, LinkedInClient linkedIn, CalendarVersions calendars,
    TimeProvider clock, IOptions<PublishingOptions> options, ILogger<FirstCommentStep> logger)
{
    private readonly CommentQueue _queue = new(db);

    /// <summary>Takes up to <paramref name="batch"/> due comments and sees each through one attempt; returns how many it took.</summary>
    public async Task<int> RunOnceAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await _queue.ClaimAsync(batch, now, now + options.Value.LeaseDuration, cancellationToken);
        foreach (var taken in claimed)
        {
            // Each row's own lease from the moment it is tried: a batch may outlast the claim's.
            if (await _queue.StartAsync(taken, clock.GetUtcNow() + options.Value.LeaseDuration, cancellationToken) is not { } comment)
            {
                continue;
            }
            var change = await AttemptAsync(comment, cancellationToken);
            if (await _queue.WriteAsync(comment, change, cancellationToken))
            {
                await calendars.BumpAsync(comment.UserId);
                if (change.Status == CommentStatus.Failed)
                {
                    LogFailed(comment.Id, comment.Platform, change.ErrorMessage);
                }
            }
        }
        return claimed.Count;
    }

    private async Task<CommentChange> AttemptAsync(ClaimedComment comment, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == comment.PostId, cancellationToken);
        if (post is null || FirstComments.Of(post).For(comment.Platform) is not { } text)
        {
            return new CommentChange(CommentStatus.None, null, null, null);
        }
        if (comment.PostExternalId is not { } postId)
        {
            return FirstCommentRules.Decide(new CommentOutcome.Refused(PublishingStrings.Failure("CommentNoPostId", PostState.PlatformName(comment.Platform))),
                comment.Platform, comment.Attempt, now, options.Value);
        }
        var connection = await db.SocialConnections.FirstOrDefaultAsync(
            c => c.UserId == comment.UserId && c.Platform == comment.Platform && c.IsActive, cancellationToken);

        CommentOutcome outcome;
        try
        {
            var accessToken = connection is null ? null : await tokens.AccessTokenAsync(connection, forceRefresh: false, cancellationToken);
            outcome = accessToken is null
                ? new CommentOutcome.Refused(PublishingStrings.Failure("CommentNoConnection", PostState.PlatformName(comment.Platform)))
                : comment.Platform == SocialPlatform.Instagram
                    ? await CommentOnInstagramAsync(comment, postId, accessToken, text, cancellationToken)
                    : await CommentOnLinkedInAsync(comment, postId, accessToken, connection!.ProfileId, text, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = FirstCommentRules.Classify(e, comment.Platform);
        }
        return FirstCommentRules.Decide(outcome, comment.Platform, comment.Attempt, now, options.Value);
    }

    /// <summary>After an attempt that may have landed, the media's comments are read first: ours is recorded, not sent again.</summary>
    private async Task<CommentOutcome> CommentOnInstagramAsync(ClaimedComment comment, string postId, string accessToken, string text, CancellationToken cancellationToken)
    {
        if (comment.Reconcile
            && FirstCommentRules.FindOwn(await instagram.ListCommentsAsync(postId, accessToken, cancellationToken), text) is { } existing)
        {
            return new CommentOutcome.Posted(existing);
        }
        return new CommentOutcome.Posted(await instagram.CreateCommentAsync(postId, accessToken, text, cancellationToken));
    }

    /// <summary>LinkedIn cannot be asked whether an interrupted attempt (a worker died mid-call) landed: never sent twice.</summary>
    private async Task<CommentOutcome> CommentOnLinkedInAsync(ClaimedComment comment, string postId, string accessToken, string memberId, string text, CancellationToken cancellationToken) =>
        comment.Reconcile
            ? new CommentOutcome.Unknown(PublishingStrings.Failure("CommentInterrupted"))
            : new CommentOutcome.Posted(await linkedIn.CreateCommentAsync(accessToken, postId, LinkedInClient.PersonUrn(memberId), text, cancellationToken));

    [LoggerMessage(LogLevel.Warning, "First comment of publication {PublicationId} on {Platform} failed: {Error}")]
    private partial void LogFailed(Guid publicationId, SocialPlatform platform, string? error);
}
