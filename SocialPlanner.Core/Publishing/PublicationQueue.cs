using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>A publication a dispatcher holds a lease on. <see cref="Reconcile"/>: it was already being sent when
/// claimed, so the platform must be asked what happened before anything is sent (rule 1). <see cref="Lease"/>: the
/// value this claim wrote in this row's <c>lease_owner</c>, unique to the row and the claim, not just to the process:
/// an edit re-arms a row, and should the same dispatcher claim it again while its first claim is still preparing, only
/// the newer claim may mark it as being sent (the older one would send the old text, and both would go out). Unique to
/// the row too: a claim takes many rows, and nothing written for one of them may ever be read as another's (issue #12). <see cref="HasSiblings"/>:
/// the post had another live publication when claimed (<c>both</c>), so completing must be one locked transaction.</summary>
public sealed record ClaimedPublication(
    Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, bool Reconcile, int Attempts,
    DateTimeOffset ScheduledAt, DateTimeOffset DueAt, string? PlatformHandle, DateTimeOffset? SendingAt, string Lease,
    bool HasSiblings, string? TraceParent = null);

/// <summary>"Being sent" (rule 1) for the claim whose lease is <see cref="Lease"/>, with the platform's handle if one
/// was made before the call (an Instagram container).</summary>
public sealed record SendingMark(Guid Id, string Lease, DateTimeOffset At, string? Handle);

/// <summary>An attempt's result for a claim. <see cref="PostStateAlone"/>: the post's state when this publication is its
/// only live one (<see cref="PostState.Combine"/> ignores cancelled ones).</summary>
public sealed record Completion(ClaimedPublication Claim, PublicationChange Change)
{
    public PostState PostStateAlone { get; } =
        PostState.Combine([new PublicationSnapshot(Claim.Platform, Change.Status, Change.PublishedAt, Change.ErrorMessage)]);
}

/// <summary>The queue operations on <c>post_publications</c>, as single SQL statements on the scope's connection
/// (so the Worker's role applies). Every write after the claim is conditional on still holding the claim's lease: a
/// reschedule, an edit or another dispatcher's recovery silently wins over a slow holder. A lease reads
/// <c>{owner}/{claim}</c>; renewing and releasing act on every lease of the owner.</summary>
public sealed class PublicationQueue(AppDbContext db)
{
    public static string LeaseOf(string owner, Guid claim) => $"{owner}/{claim:N}";

    /// <summary>A row (<c>p</c>) and a result written for it (<c>r</c>) belong together when both the row and its
    /// lease match: a batch may hold two claims of one row (an older one that lost it), and a claim holds many rows.</summary>
    private const string SameClaim = "p.id = r.id AND p.lease_owner = r.lease";

    private static string LeasePrefix(string owner) => owner + "/";

    /// <summary>Claims, per platform, up to <paramref name="room"/> due rows no one else is working on: pending rows,
    /// rows whose holder's lease ran out, and sends awaiting reconciliation. SKIP LOCKED lets dispatchers claim side by
    /// side; one statement serves every platform.</summary>
    public async Task<IReadOnlyList<ClaimedPublication>> ClaimAsync(
        string owner, DateTimeOffset now, TimeSpan lease, IReadOnlyDictionary<SocialPlatform, int> room, CancellationToken cancellationToken)
    {
        var wanted = room.Where(r => r.Value > 0).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        const string sql = """
            WITH due AS (
                SELECT d.id FROM unnest($1::social_platform[], $2::int[]) AS r(platform, n)
                CROSS JOIN LATERAL (
                    SELECT id FROM post_publications
                    WHERE platform = r.platform AND due_at <= $3
                      AND (status = 'pending'
                           OR (status IN ('claimed', 'sending') AND (lease_expires_at IS NULL OR lease_expires_at < $3)))
                    ORDER BY due_at
                    LIMIT r.n
                    FOR UPDATE SKIP LOCKED) d)
            UPDATE post_publications p
            SET status = CASE WHEN p.status = 'sending' THEN p.status ELSE 'claimed' END,
                lease_owner = $4 || replace(gen_random_uuid()::text, '-', ''), lease_expires_at = $5
            FROM due WHERE p.id = due.id
            RETURNING p.id, p.post_id, p.user_id, p.platform, p.status = 'sending', p.attempts,
                      p.scheduled_at, p.due_at, p.external_id, p.sending_at,
                      EXISTS (SELECT 1 FROM post_publications s
                              WHERE s.post_id = p.post_id AND s.id <> p.id AND s.status <> 'cancelled'),
                      p.lease_owner, p.trace_parent
            """;
        // Each row its own lease (the same shape as LeaseOf), read back from what was written.
        await using var command = await CommandAsync(sql, cancellationToken,
            wanted.Select(r => r.Key).ToArray(), wanted.Select(r => r.Value).ToArray(), now, LeasePrefix(owner), now + lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedPublication>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedPublication(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<SocialPlatform>(3),
                reader.GetBoolean(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7), NullableString(reader, 8), NullableTime(reader, 9), reader.GetString(11),
                reader.GetBoolean(10), NullableString(reader, 12)));
        }
        return claimed;
    }

    /// <summary>Extends the leases we still hold; rows taken from us are simply not extended.</summary>
    public async Task RenewAsync(string owner, IReadOnlyCollection<Guid> ids, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        const string sql = """
            UPDATE post_publications SET lease_expires_at = $1
            WHERE starts_with(lease_owner, $2) AND id = ANY($3) AND status IN ('claimed', 'sending')
            """;
        await using var command = await CommandAsync(sql, cancellationToken, until, LeasePrefix(owner), ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records "being sent" just before the platform call (rule 1). False: the lease is no longer ours, so
    /// the caller must not send.</summary>
    public async Task<bool> MarkSendingAsync(Guid id, string lease, DateTimeOffset now, string? handle, CancellationToken cancellationToken) =>
        (await MarkSendingAsync([new SendingMark(id, lease, now, handle)], cancellationToken))[0];

    /// <summary>The same for several rows in one statement (<see cref="PublicationWrites"/> gathers them): one answer per
    /// mark, in order. Each row is marked only under its own claim's lease, exactly as alone.</summary>
    public async Task<IReadOnlyList<bool>> MarkSendingAsync(IReadOnlyList<SendingMark> marks, CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE post_publications p
            SET status = 'sending', sending_at = r.at, external_id = COALESCE(r.handle, p.external_id)
            FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS r(id, lease, at, handle)
            WHERE {SameClaim} AND p.status IN ('claimed', 'sending')
            RETURNING r.id, r.lease
            """;
        await using var command = await CommandAsync(sql, cancellationToken,
            marks.Select(m => m.Id).ToArray(), marks.Select(m => m.Lease).ToArray(), marks.Select(m => m.At).ToArray(),
            marks.Select(m => m.Handle).ToArray());
        var marked = new HashSet<(Guid, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                marked.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }
        return [.. marks.Select(m => marked.Contains((m.Id, m.Lease)))];
    }

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
                SELECT * FROM unnest($1::uuid[], $2::text[], $11::post_status[], $12::timestamptz[], $13::text[], $14::boolean[])
                    AS s(id, lease, status, published_at, error_message, write)),
            post AS (
                UPDATE posts p SET status = state.status, published_at = state.published_at, error_message = state.error_message
                FROM siblings JOIN state ON state.id = siblings.id AND state.lease = siblings.lease
                WHERE p.id = siblings.post_id AND siblings.live = 0 AND state.write
                RETURNING 1)
            SELECT id, lease, live FROM siblings
            """;
        await using var command = await CommandAsync(sql, cancellationToken, [.. CompletionRowsParameters(completions),
            alone.Select(s => s.Status).ToArray(), alone.Select(s => s.PublishedAt).ToArray(),
            alone.Select(s => s.ErrorMessage).ToArray(), alone.Select(s => s.Status != PostStatus.Draft).ToArray()]);
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
                : await RefreshPostStateAsync(completion.Claim.PostId, cancellationToken));
        }
        return states;
    }

    private async Task<PostState?> CompleteWithSiblingsAsync(ClaimedPublication claim, PublicationChange change, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(BatchCommand($"WITH c AS ({CompletionRowsSql}) {WritePublicationsSql}",
            CompletionRowsParameters([new Completion(claim, change)])));
        // The sibling's transaction holds this lock until it commits; the snapshot read after it sees its outcome.
        batch.BatchCommands.Add(BatchCommand(LockPostSql, claim.PostId));
        batch.BatchCommands.Add(BatchCommand(SnapshotsSql, claim.PostId));
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

    /// <summary>Derives the post's status from its publications (rule 6) and stores it; the sweeper's repair. A post
    /// with no live publications keeps whatever the Api gave it.</summary>
    public async Task<PostState> RefreshPostStateAsync(Guid postId, CancellationToken cancellationToken) =>
        (await RefreshPostStateChangedAsync(postId, cancellationToken)).State;

    /// <summary>The same, telling whether the stored state was wrong (anything was written).</summary>
    private async Task<(PostState State, bool Changed)> RefreshPostStateChangedAsync(Guid postId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(BatchCommand(LockPostSql, postId));
        batch.BatchCommands.Add(BatchCommand(SnapshotsSql, postId));
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

    /// <summary>Attempts' results as rows <c>c</c>, parameters $1–$10 (<see cref="CompletionRowsParameters"/>).</summary>
    private const string CompletionRowsSql = """
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::publication_status[], $4::timestamptz[], $5::int[], $6::text[],
                             $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
            AS c(id, lease, status, due_at, attempts, error_message, external_id, external_url, published_at, notice_due_at)
        """;

    /// <summary>Each result of <c>c</c>, written only under its claim's lease; the lease is released with it.</summary>
    private const string WritePublicationsSql = $"""
        UPDATE post_publications p
        SET status = r.status, due_at = r.due_at, attempts = r.attempts, error_message = r.error_message,
            external_id = r.external_id, external_url = r.external_url, published_at = r.published_at,
            notice_due_at = r.notice_due_at, lease_owner = NULL, lease_expires_at = NULL
        FROM c AS r WHERE {SameClaim}
        """;

    private static object[] CompletionRowsParameters(IReadOnlyList<Completion> completions) =>
    [
        completions.Select(c => c.Claim.Id).ToArray(), completions.Select(c => c.Claim.Lease).ToArray(),
        completions.Select(c => c.Change.Status).ToArray(), completions.Select(c => c.Change.DueAt).ToArray(),
        completions.Select(c => c.Change.Attempts).ToArray(), completions.Select(c => c.Change.ErrorMessage).ToArray(),
        completions.Select(c => c.Change.ExternalId).ToArray(), completions.Select(c => c.Change.ExternalUrl).ToArray(),
        completions.Select(c => c.Change.PublishedAt).ToArray(), completions.Select(c => c.Change.NoticeDueAt).ToArray(),
    ];

    private const string LockPostSql = "SELECT 1 FROM posts WHERE id = $1 FOR UPDATE";

    private const string SnapshotsSql = "SELECT platform, status, published_at, error_message FROM post_publications WHERE post_id = $1";

    private static async Task<IReadOnlyList<PublicationSnapshot>> ReadSnapshotsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var snapshots = new List<PublicationSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots.Add(new PublicationSnapshot(reader.GetFieldValue<SocialPlatform>(0), reader.GetFieldValue<PublicationStatus>(1),
                NullableTime(reader, 2), NullableString(reader, 3)));
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
            UPDATE posts SET status = $2, published_at = $3, error_message = $4
            WHERE id = $1 AND (status, published_at, error_message) IS DISTINCT FROM ($2, $3, $4)
            """;
        await using var command = await CommandAsync(write, cancellationToken, postId, state.Status,
            DbValue(state.PublishedAt), DbValue(state.ErrorMessage));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>When the dispatcher must look again for rows of <paramref name="platforms"/>: the earliest unheld due
    /// time or lease expiry. Platforms whose slots are full are left out: a finishing publication wakes the loop for them.</summary>
    public async Task<DateTimeOffset?> NextWakeAsync(IReadOnlyCollection<SocialPlatform> platforms, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT LEAST(
                (SELECT min(due_at) FROM post_publications
                 WHERE status IN ('pending', 'claimed', 'sending') AND lease_owner IS NULL AND platform = ANY($1::social_platform[])),
                (SELECT min(lease_expires_at) FROM post_publications
                 WHERE status IN ('claimed', 'sending') AND lease_owner IS NOT NULL AND platform = ANY($1::social_platform[])))
            """;
        await using var command = await CommandAsync(sql, cancellationToken, platforms.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Read as DateTimeOffset explicitly: the untyped scalar of a timestamptz is a DateTime, and a type test on it
        // silently turned every wake-up into the idle ceiling (found by the benchmark's spread lateness).
        return await reader.ReadAsync(cancellationToken) ? NullableTime(reader, 0) : null;
    }

    /// <summary>Sweeper: hands rows whose holder died back to the queue, due now. A row that was being sent keeps
    /// its <c>sending</c> status, so whoever claims it reconciles (rule 4).</summary>
    public async Task<int> ReleaseExpiredLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE post_publications
            SET status = CASE WHEN status = 'sending' THEN status ELSE 'pending' END,
                lease_owner = NULL, lease_expires_at = NULL, due_at = LEAST(due_at, $1)
            WHERE status IN ('claimed', 'sending') AND lease_expires_at < $1
            """;
        await using var command = await CommandAsync(sql, cancellationToken, now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A stopping dispatcher hands back what it holds: claimed rows become pending, rows being sent await
    /// reconciliation by whoever claims them next.</summary>
    public async Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE post_publications
            SET status = CASE WHEN status = 'sending' THEN status ELSE 'pending' END, lease_owner = NULL, lease_expires_at = NULL
            WHERE starts_with(lease_owner, $1) AND status IN ('claimed', 'sending')
            """;
        await using var command = await CommandAsync(sql, cancellationToken, LeasePrefix(owner));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sweeper: open rows that were due before <paramref name="dueBefore"/> and that nobody holds.</summary>
    public async Task<int> CountOverdueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*) FROM post_publications WHERE status IN ('pending', 'sending') AND lease_owner IS NULL AND due_at < $1";
        await using var command = await CommandAsync(sql, cancellationToken, dueBefore);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sweeper: posts whose stored state disagrees with the state their live publications give them (rule 6),
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
        await using (var command = await CommandAsync(sql, cancellationToken, since))
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
            if ((await RefreshPostStateChangedAsync(id, cancellationToken)).Changed)
            {
                repaired.Add(user);
            }
        }
        return repaired;
    }

    /// <summary>Sweeper: failure emails (rule 8) owed since before <paramref name="overdueBefore"/> and still not
    /// confirmed sent (the worker died before queueing them, or every retry of the job failed). Each is pushed to
    /// <paramref name="nextCheck"/> in the same statement, so a crash between this and queueing them again only delays
    /// them; the caller queues the returned publication ids.</summary>
    public Task<IReadOnlyList<Guid>> TakeOverdueFailureNoticesAsync(
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync("post_publications", overdueBefore, nextCheck, cancellationToken);

    /// <summary>The same for reconnect emails (rule 7); returns connection ids.</summary>
    public Task<IReadOnlyList<Guid>> TakeOverdueReconnectNoticesAsync(
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync("social_connections", overdueBefore, nextCheck, cancellationToken);

    private async Task<IReadOnlyList<Guid>> TakeOverdueNoticesAsync(
        string table, DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE {table} SET notice_due_at = $2
            WHERE id IN (SELECT id FROM {table} WHERE notice_due_at < $1 ORDER BY notice_due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
        var ids = new List<Guid>();
        await using var command = await CommandAsync(sql, cancellationToken, overdueBefore, nextCheck);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    /// <summary>Wakes every dispatcher (they LISTEN on <see cref="PublicationScheduler.Channel"/>).</summary>
    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(PublicationScheduler.NotifySql, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Opening through EF runs the session interceptor, which switches to the scope's role.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, await OpenAsync(cancellationToken));
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    private static object DbValue<T>(T? value) => (object?)value ?? DBNull.Value;

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
