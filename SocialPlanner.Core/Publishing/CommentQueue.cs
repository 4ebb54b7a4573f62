using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Publishing;

/// <summary>The first comments' queue, in <c>post_publications</c> (issue #17 §3). A claim takes due rows for a while
/// (<c>comment_due_at</c> is its lease and, being unique to it, names it) without marking them "sending"; each row is
/// marked "sending", and its attempt counted, only just before its own platform call (<see cref="StartAsync"/>), under
/// the same claim and with a fresh lease. So a row a worker claimed but never tried (it stopped, or it was still busy with the batch's earlier
/// rows when the claim ran out) is taken again as never sent, not as "may have been sent", and a row re-claimed by
/// another worker meanwhile is skipped by the first: no comment is sent twice, none is reported as interrupted that
/// was never tried.</summary>
public sealed class CommentQueue(AppDbContext db)
{
    private readonly ScopedSql _statements = new(db);

    /// <summary>Up to <paramref name="batch"/> due rows of published posts owing a comment, each claimed until
    /// <paramref name="until"/>; <see cref="ClaimedComment.Reconcile"/> for a row an earlier attempt was sending. Rows
    /// published without the platform's id (an Instagram post found out but not found among the account's media) are
    /// taken too, so their comment fails with a reason instead of waiting for ever.</summary>
    public async Task<IReadOnlyList<ClaimedComment>> ClaimAsync(int batch, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // A paused owner's comments wait too (docs/queue.md): while paused nothing of theirs is sent.
        const string sql = $"""
            WITH due AS (
                SELECT id, comment_status = 'sending' AS reconcile FROM post_publications
                WHERE comment_status IN ('pending', 'sending') AND status = 'published'
                  AND (comment_due_at IS NULL OR comment_due_at <= $1)
                  AND NOT {PublicationQueue.PausedOwner}
                ORDER BY comment_due_at NULLS FIRST
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE post_publications p
            SET comment_due_at = $3
            FROM due WHERE p.id = due.id
            RETURNING p.id, p.post_id, p.user_id, p.platform, p.external_id, due.reconcile, p.comment_attempts
            """;
        until = until.ToDbPrecision(); // compared as stored by StartAsync
        await using var command = await _statements.CommandAsync(sql, cancellationToken, now, batch, until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedComment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedComment(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<Social.SocialPlatform>(3),
                ScopedSql.NullableString(reader, 4), reader.GetBoolean(5), reader.GetInt32(6), until));
        }
        return claimed;
    }

    /// <summary>Marks the row "sending" and counts its attempt just before its platform call, leased until
    /// <paramref name="until"/>; answers the claim with its attempt number, which the outcome's write must match. Null:
    /// the claim is no longer ours (another worker took the row once it ran out) or the owner paused meanwhile; the caller
    /// must not call the platform.</summary>
    public async Task<ClaimedComment?> StartAsync(ClaimedComment comment, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE post_publications SET comment_status = 'sending', comment_attempts = comment_attempts + 1, comment_due_at = $3
            WHERE id = $1 AND comment_due_at = $2 AND comment_status IN ('pending', 'sending')
              AND NOT {PublicationQueue.PausedOwner}
            RETURNING comment_attempts
            """;
        await using var command = await _statements.CommandAsync(sql, cancellationToken, comment.Id, comment.Lease, until.ToDbPrecision());
        return await command.ExecuteScalarAsync(cancellationToken) is int attempt ? comment with { Attempt = attempt } : null;
    }

    /// <summary>Writes the comment's state if the row is still this attempt's (same attempt number, still "sending").</summary>
    public async Task<bool> WriteAsync(ClaimedComment comment, CommentChange change, CancellationToken cancellationToken)
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
}
