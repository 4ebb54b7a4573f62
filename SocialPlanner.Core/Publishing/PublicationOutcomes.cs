using System.Data.Common;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>An attempt's result for a claim. <see cref="PostStateAlone"/>: the post's state when this publication is its
/// only live one (<see cref="PostState.Combine"/> ignores cancelled ones).</summary>
public sealed record Completion(ClaimedPublication Claim, PublicationChange Change)
{
    public PostState PostStateAlone { get; } =
        PostState.Combine([new PublicationSnapshot(Claim.Platform, Change.Status, Change.PublishedAt, Change.ErrorMessage, Change.ErrorTexts)]);
}

/// <summary>A publication's attempt written with its post's combined state, under the claim's lease, and the
/// sweeper's repair of post states (the other half of the queue, <see cref="PublicationQueue"/>).</summary>
public sealed class PublicationOutcomes(AppDbContext db)
{
    private readonly ScopedSql _statements = new(db);

    /// <summary>Writes the attempt's result and releases the lease, then brings the post's combined state up to date.
    /// Null when the lease was lost (nothing written); otherwise the post's new state. Either way the publication and
    /// the post's state commit together: nobody ever reads a finished publication beside a stale post.
    /// <para>Most posts target one platform: then one statement, one round trip, writes the publication and — only if
    /// it still held the lease and the post has no other live publication — the state this publication alone gives the
    /// post (<see cref="PostState.Combine"/> ignores cancelled ones, so it is the same state). A post with a live
    /// sibling (<c>both</c>) takes the locked transaction: the two publications finish concurrently, and each must read
    /// the other's committed outcome before it writes the post, so the one that commits last writes the whole
    /// story.</para></summary>
    public async Task<PostState?> CompleteAsync(ClaimedPublication claim, PublicationChange change, CancellationToken cancellationToken)
    {
        if (claim.HasSiblings)
        {
            return await CompleteWithSiblingsAsync(claim, change, cancellationToken);
        }
        return (await CompleteAloneAsync([new Completion(claim, change)], cancellationToken))[0];
    }

    /// <summary>Completes publications of posts that had no live sibling when claimed, all in one statement
    /// (<see cref="PublicationWrites"/> gathers them). Per completion, in order: null when its lease was lost (nothing
    /// written), else the post's new state.</summary>
    public async Task<IReadOnlyList<PostState?>> CompleteAloneAsync(IReadOnlyList<Completion> completions, CancellationToken cancellationToken)
    {
        if (completions.Any(c => c.Claim.HasSiblings))
        {
            throw new ArgumentException("A publication with a live sibling completes in its own locked transaction.", nameof(completions));
        }
        var alone = completions.Select(c => c.PostStateAlone).ToList();
        const string sql = $"""
            WITH c AS ({CompletionRowsSql}),
            publication AS ({WritePublicationsSql} RETURNING p.id, p.post_id, r.lease),
            siblings AS (
                SELECT publication.id, publication.post_id, publication.lease,
                       (SELECT count(*) FROM post_publications o
                        WHERE o.post_id = publication.post_id AND o.id <> publication.id AND o.status <> 'cancelled') AS live
                FROM publication),
            state AS (
                SELECT * FROM unnest($1::uuid[], $2::text[], $12::post_status[], $13::timestamptz[], $14::text[], $15::text[], $16::boolean[])
                    AS s(id, lease, status, published_at, error_message, error_texts, write)),
            post AS (
                UPDATE posts p SET status = state.status, published_at = state.published_at, error_message = state.error_message,
                    error_texts = state.error_texts::jsonb
                FROM siblings JOIN state ON state.id = siblings.id AND state.lease = siblings.lease
                WHERE p.id = siblings.post_id AND siblings.live = 0 AND state.write
                RETURNING 1)
            SELECT id, lease, live FROM siblings
            """;
        await using var command = await _statements.CommandAsync(sql, cancellationToken, [.. CompletionRowsParameters(completions),
            alone.Select(s => s.Status).ToArray(), alone.Select(s => s.PublishedAt).ToArray(),
            alone.Select(s => s.ErrorMessage).ToArray(), alone.Select(s => s.ErrorTexts).ToArray(),
            alone.Select(s => s.Status != PostStatus.Draft).ToArray()]);
        // Keyed by row and lease, never by lease alone: what was written for one row must not be read as another's.
        var written = new Dictionary<(Guid, string), long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                written[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }
        var states = new List<PostState?>(completions.Count);
        foreach (var completion in completions)
        {
            states.Add(!written.TryGetValue((completion.Claim.Id, completion.Claim.Lease), out var liveSiblings) ? null
                : liveSiblings == 0 ? completion.PostStateAlone
                // A sibling that appeared after the claim re-armed this row too (taking our lease): we would not be
                // here. Should one be live anyway, the post was left alone above; derive it now, as the sweeper would.
                : (await RefreshPostStateAsync(completion.Claim.PostId, cancellationToken)).State);
        }
        return states;
    }

    private async Task<PostState?> CompleteWithSiblingsAsync(ClaimedPublication claim, PublicationChange change, CancellationToken cancellationToken)
    {
        var connection = await _statements.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(ScopedSql.BatchCommand($"WITH c AS ({CompletionRowsSql}) {WritePublicationsSql}",
            CompletionRowsParameters([new Completion(claim, change)])));
        // The sibling's transaction holds this lock until it commits; the snapshot read after it sees its outcome.
        batch.BatchCommands.Add(ScopedSql.BatchCommand(LockPostSql, claim.PostId));
        batch.BatchCommands.Add(ScopedSql.BatchCommand(SnapshotsSql, claim.PostId));
        IReadOnlyList<PublicationSnapshot> snapshots;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The reader skips the UPDATE (it returns no rows): it starts on the lock's result.
            await reader.NextResultAsync(cancellationToken);
            snapshots = await ReadSnapshotsAsync(reader, cancellationToken);
        }
        if (batch.BatchCommands[0].RecordsAffected != 1)
        {
            return null;
        }

        var state = PostState.Combine(snapshots);
        await WritePostStateAsync(claim.PostId, state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>Derives the post's status from its publications under the post's lock and stores it, telling whether
    /// the stored state was wrong (anything was written). A post with no live publications keeps what the Api gave it.</summary>
    private async Task<(PostState State, bool Changed)> RefreshPostStateAsync(Guid postId, CancellationToken cancellationToken)
    {
        var connection = await _statements.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(ScopedSql.BatchCommand(LockPostSql, postId));
        batch.BatchCommands.Add(ScopedSql.BatchCommand(SnapshotsSql, postId));
        IReadOnlyList<PublicationSnapshot> snapshots;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            snapshots = await ReadSnapshotsAsync(reader, cancellationToken);
        }

        var state = PostState.Combine(snapshots);
        var changed = await WritePostStateAsync(postId, state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (state, changed);
    }

    /// <summary>Attempts' results as rows <c>c</c>, parameters $1–$11 (<see cref="CompletionRowsParameters"/>).</summary>
    private const string CompletionRowsSql = """
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::publication_status[], $4::timestamptz[], $5::int[], $6::text[],
                             $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[])
            AS c(id, lease, status, due_at, attempts, error_message, external_id, external_url, published_at, notice_due_at,
                 error_texts)
        """;

    /// <summary>Each result of <c>c</c>, written only under its claim's lease; the lease is released with it.</summary>
    private const string WritePublicationsSql = $"""
        UPDATE post_publications p
        SET status = r.status, due_at = r.due_at, attempts = r.attempts, error_message = r.error_message,
            error_texts = r.error_texts::jsonb,
            external_id = r.external_id, external_url = r.external_url, published_at = r.published_at,
            notice_due_at = r.notice_due_at, lease_owner = NULL, lease_expires_at = NULL
        FROM c AS r WHERE {PublicationQueue.SameClaim}
        """;

    private static object[] CompletionRowsParameters(IReadOnlyList<Completion> completions) =>
    [
        completions.Select(c => c.Claim.Id).ToArray(), completions.Select(c => c.Claim.Lease).ToArray(),
        completions.Select(c => c.Change.Status).ToArray(), completions.Select(c => c.Change.DueAt).ToArray(),
        completions.Select(c => c.Change.Attempts).ToArray(), completions.Select(c => c.Change.ErrorMessage).ToArray(),
        completions.Select(c => c.Change.ExternalId).ToArray(), completions.Select(c => c.Change.ExternalUrl).ToArray(),
        completions.Select(c => c.Change.PublishedAt).ToArray(), completions.Select(c => c.Change.NoticeDueAt).ToArray(),
        completions.Select(c => c.Change.ErrorTexts).ToArray(),
    ];

    private const string LockPostSql = "SELECT 1 FROM posts WHERE id = $1 FOR UPDATE";

    private const string SnapshotsSql = "SELECT platform, status, published_at, error_message, error_texts::text FROM post_publications WHERE post_id = $1";

    private static async Task<IReadOnlyList<PublicationSnapshot>> ReadSnapshotsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var snapshots = new List<PublicationSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots.Add(new PublicationSnapshot(reader.GetFieldValue<SocialPlatform>(0), reader.GetFieldValue<PublicationStatus>(1),
                ScopedSql.NullableTime(reader, 2), ScopedSql.NullableString(reader, 3), ScopedSql.NullableString(reader, 4)));
        }
        return snapshots;
    }

    /// <summary>Stores the state unless it is already stored; true when something was written.</summary>
    private async Task<bool> WritePostStateAsync(Guid postId, PostState state, CancellationToken cancellationToken)
    {
        if (state.Status == PostStatus.Draft)
        {
            return false;
        }
        const string write = """
            UPDATE posts SET status = $2, published_at = $3, error_message = $4, error_texts = $5::text::jsonb
            WHERE id = $1 AND (status, published_at, error_message, error_texts) IS DISTINCT FROM ($2, $3, $4, $5::text::jsonb)
            """;
        await using var command = await _statements.CommandAsync(write, cancellationToken, postId, state.Status,
            ScopedSql.DbValue(state.PublishedAt), ScopedSql.DbValue(state.ErrorMessage), ScopedSql.DbValue(state.ErrorTexts));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Sweeper: posts whose stored state disagrees with the state their live publications give them,
    /// among posts with a publication due or finished since <paramref name="since"/>: a post left <c>scheduled</c> when
    /// its publications finished, or one reading <c>published</c> or <c>failed</c> while a publication is still under
    /// way or ended otherwise. Nothing the queue writes should leave one (its two writes commit together); finding one
    /// means a bug or a hand-made fix, so each is re-derived under the post's lock and counted by the caller. Returns
    /// the owners of the posts actually changed.</summary>
    public async Task<IReadOnlyList<Guid>> RepairPostStatesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        // The same rule as PostState.Combine: failed if any failed, published if all are, else scheduled.
        const string sql = """
            WITH recent AS (SELECT DISTINCT post_id FROM post_publications WHERE due_at >= $1),
            derived AS (
                SELECT q.post_id,
                       CASE WHEN bool_or(q.status = 'failed') THEN 'failed'::post_status
                            WHEN bool_and(q.status = 'published') THEN 'published'::post_status
                            ELSE 'scheduled'::post_status END AS status,
                       max(q.published_at) FILTER (WHERE q.status = 'published') AS published_at
                FROM post_publications q JOIN recent USING (post_id)
                WHERE q.status <> 'cancelled'
                GROUP BY q.post_id)
            SELECT p.id, p.user_id FROM posts p JOIN derived d ON d.post_id = p.id
            WHERE p.status <> d.status
               OR p.published_at IS DISTINCT FROM CASE WHEN d.status = 'scheduled' THEN NULL ELSE d.published_at END
            LIMIT 500
            """;
        var posts = new List<(Guid Id, Guid UserId)>();
        await using (var command = await _statements.CommandAsync(sql, cancellationToken, since))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                posts.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        var repaired = new List<Guid>();
        foreach (var (id, user) in posts)
        {
            if ((await RefreshPostStateAsync(id, cancellationToken)).Changed)
            {
                repaired.Add(user);
            }
        }
        return repaired;
    }
}
