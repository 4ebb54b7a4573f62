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
/// posted it; <see cref="Attempt"/> is this attempt's number, which every later write of the row must match.</summary>
public sealed record ClaimedComment(Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, string PostExternalId, bool Reconcile, int Attempt);

/// <summary>Issue #17 §3: the first comment, its own step after the post is live. It claims published rows still
/// owing a comment (marking them "sending" with a lease, so two workers never comment twice), comments through the
/// platform, and writes the comment's state alone: the post's publication is never touched, so a comment can neither
/// re-publish the post nor make it fail. Runs in its own DI scope.</summary>
public sealed partial class FirstCommentStep(
    AppDbContext db, SocialTokens tokens, InstagramClient instagram, LinkedInClient linkedIn, CalendarVersions calendars,
    TimeProvider clock, IOptions<PublishingOptions> options, ILogger<FirstCommentStep> logger)
{
    private readonly ScopedSql _statements = new(db);

    /// <summary>Takes up to <paramref name="batch"/> due comments and sees each through one attempt; returns how many it took.</summary>
    public async Task<int> RunOnceAsync(int batch, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(batch, cancellationToken);
        foreach (var comment in claimed)
        {
            var change = await AttemptAsync(comment, cancellationToken);
            if (await WriteAsync(comment, change, cancellationToken))
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

    /// <summary>Due rows of published posts owing a comment, a dead holder's "sending" rows included (their lease is
    /// <c>comment_due_at</c>); each marked "sending" with its attempt counted before any call is made.</summary>
    private async Task<IReadOnlyList<ClaimedComment>> ClaimAsync(int batch, CancellationToken cancellationToken)
    {
        // A paused owner's comments wait too (docs/queue.md): while paused nothing of theirs is sent.
        const string sql = $"""
            WITH due AS (
                SELECT id, comment_status = 'sending' AS reconcile FROM post_publications
                WHERE comment_status IN ('pending', 'sending') AND status = 'published' AND external_id IS NOT NULL
                  AND (comment_due_at IS NULL OR comment_due_at <= $1)
                  AND NOT {PublicationQueue.PausedOwner}
                ORDER BY comment_due_at NULLS FIRST
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE post_publications p
            SET comment_status = 'sending', comment_attempts = p.comment_attempts + 1, comment_due_at = $3
            FROM due WHERE p.id = due.id
            RETURNING p.id, p.post_id, p.user_id, p.platform, p.external_id, due.reconcile, p.comment_attempts
            """;
        var now = clock.GetUtcNow();
        await using var command = await _statements.CommandAsync(sql, cancellationToken, now, batch, now + options.Value.LeaseDuration);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedComment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedComment(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<SocialPlatform>(3),
                reader.GetString(4), reader.GetBoolean(5), reader.GetInt32(6)));
        }
        return claimed;
    }

    private async Task<CommentChange> AttemptAsync(ClaimedComment comment, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == comment.PostId, cancellationToken);
        if (post is null || FirstComments.Of(post).For(comment.Platform) is not { } text)
        {
            return new CommentChange(CommentStatus.None, null, null, null);
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
                    ? await CommentOnInstagramAsync(comment, accessToken, text, cancellationToken)
                    : await CommentOnLinkedInAsync(comment, accessToken, connection!.ProfileId, text, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = FirstCommentRules.Classify(e, comment.Platform);
        }
        return FirstCommentRules.Decide(outcome, comment.Platform, comment.Attempt, now, options.Value);
    }

    /// <summary>After an attempt that may have landed, the media's comments are read first: ours is recorded, not sent again.</summary>
    private async Task<CommentOutcome> CommentOnInstagramAsync(ClaimedComment comment, string accessToken, string text, CancellationToken cancellationToken)
    {
        if (comment.Reconcile
            && FirstCommentRules.FindOwn(await instagram.ListCommentsAsync(comment.PostExternalId, accessToken, cancellationToken), text) is { } existing)
        {
            return new CommentOutcome.Posted(existing);
        }
        return new CommentOutcome.Posted(await instagram.CreateCommentAsync(comment.PostExternalId, accessToken, text, cancellationToken));
    }

    /// <summary>LinkedIn cannot be asked whether an interrupted attempt (a worker died mid-call) landed: never sent twice.</summary>
    private async Task<CommentOutcome> CommentOnLinkedInAsync(ClaimedComment comment, string accessToken, string memberId, string text, CancellationToken cancellationToken) =>
        comment.Reconcile
            ? new CommentOutcome.Unknown(PublishingStrings.Failure("CommentInterrupted"))
            : new CommentOutcome.Posted(await linkedIn.CreateCommentAsync(accessToken, comment.PostExternalId, LinkedInClient.PersonUrn(memberId), text, cancellationToken));

    /// <summary>Writes the comment's state if the row is still this attempt's (same attempt number, still "sending").</summary>
    private async Task<bool> WriteAsync(ClaimedComment comment, CommentChange change, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE post_publications
            SET comment_status = $3, comment_external_id = $4, comment_error = $5, comment_due_at = $6,
                comment_error_texts = $7::text::jsonb
            WHERE id = $1 AND comment_attempts = $2 AND comment_status = 'sending'
            """;
        await using var command = await _statements.CommandAsync(sql, cancellationToken, comment.Id, comment.Attempt, change.Status,
            ScopedSql.DbValue(change.ExternalId), ScopedSql.DbValue(change.ErrorMessage), ScopedSql.DbValue(change.DueAt),
            ScopedSql.DbValue(change.ErrorTexts));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    [LoggerMessage(LogLevel.Warning, "First comment of publication {PublicationId} on {Platform} failed: {Error}")]
    private partial void LogFailed(Guid publicationId, SocialPlatform platform, string? error);
}
