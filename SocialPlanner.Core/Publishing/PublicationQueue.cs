using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>A publication a dispatcher holds a lease on. <see cref="Reconcile"/>: it was already being sent when
/// claimed, so the platform must be asked what happened before anything is sent (rule 1). <see cref="Lease"/>: the
/// value this claim wrote in <c>lease_owner</c>, unique to the claim, not just to the process: an edit re-arms a row,
/// and should the same dispatcher claim it again while its first claim is still preparing, only the newer claim may
/// mark it as being sent (the older one would send the old text, and both would go out). <see cref="HasSiblings"/>:
/// the post had another live publication when claimed (<c>both</c>), so completing must be one locked transaction.</summary>
public sealed record ClaimedPublication(
    Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, bool Reconcile, int Attempts,
    DateTimeOffset ScheduledAt, DateTimeOffset DueAt, string? PlatformHandle, DateTimeOffset? SendingAt, string Lease,
    bool HasSiblings);

/// <summary>The queue operations on <c>post_publications</c>, as single SQL statements on the scope's connection
/// (so the Worker's role applies). Every write after the claim is conditional on still holding the claim's lease: a
/// reschedule, an edit or another dispatcher's recovery silently wins over a slow holder. A lease reads
/// <c>{owner}/{claim}</c>; renewing and releasing act on every lease of the owner.</summary>
public sealed class PublicationQueue(AppDbContext db)
{
    public static string LeaseOf(string owner, Guid claim) => $"{owner}/{claim:N}";

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
                lease_owner = $4, lease_expires_at = $5
            FROM due WHERE p.id = due.id
            RETURNING p.id, p.post_id, p.user_id, p.platform, p.status = 'sending', p.attempts,
                      p.scheduled_at, p.due_at, p.external_id, p.sending_at,
                      EXISTS (SELECT 1 FROM post_publications s
                              WHERE s.post_id = p.post_id AND s.id <> p.id AND s.status <> 'cancelled')
            """;
        var leaseValue = LeaseOf(owner, Guid.NewGuid());
        await using var command = await CommandAsync(sql, cancellationToken,
            wanted.Select(r => r.Key).ToArray(), wanted.Select(r => r.Value).ToArray(), now, leaseValue, now + lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedPublication>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedPublication(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<SocialPlatform>(3),
                reader.GetBoolean(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7), NullableString(reader, 8), NullableTime(reader, 9), leaseValue,
                reader.GetBoolean(10)));
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
    public async Task<bool> MarkSendingAsync(Guid id, string lease, DateTimeOffset now, string? handle, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE post_publications
            SET status = 'sending', sending_at = $3, external_id = COALESCE($4, external_id)
            WHERE id = $1 AND lease_owner = $2 AND status IN ('claimed', 'sending')
            """;
        await using var command = await CommandAsync(sql, cancellationToken, id, lease, now, DbValue(handle));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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
        var alone = PostState.Combine([new PublicationSnapshot(claim.Platform, change.Status, change.PublishedAt, change.ErrorMessage)]);
        const string sql = $"""
            WITH publication AS ({WritePublicationSql} RETURNING post_id),
            siblings AS (
                SELECT count(*) AS live FROM post_publications o JOIN publication ON o.post_id = publication.post_id
                WHERE o.id <> $1 AND o.status <> 'cancelled'),
            post AS (
                UPDATE posts p SET status = $11, published_at = $12, error_message = $13
                FROM publication, siblings
                WHERE p.id = publication.post_id AND siblings.live = 0 AND $14
                RETURNING 1)
            SELECT (SELECT count(*) FROM publication), (SELECT live FROM siblings)
            """;
        await using var command = await CommandAsync(sql, cancellationToken, [.. WritePublicationParameters(claim, change),
            alone.Status, DbValue(alone.PublishedAt), DbValue(alone.ErrorMessage), alone.Status != PostStatus.Draft]);
        long written, liveSiblings;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (written, liveSiblings) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        if (written == 0)
        {
            return null;
        }
        // A sibling that appeared after the claim re-armed this row too (taking our lease): we would not be here.
        // Should one be live anyway, the post was left alone above; derive it now, as the sweeper would.
        return liveSiblings == 0 ? alone : await RefreshPostStateAsync(claim.PostId, cancellationToken);
    }

    private async Task<PostState?> CompleteWithSiblingsAsync(ClaimedPublication claim, PublicationChange change, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(BatchCommand(WritePublicationSql, WritePublicationParameters(claim, change)));
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
    public async Task<PostState> RefreshPostStateAsync(Guid postId, CancellationToken cancellationToken)
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
        await WritePostStateAsync(postId, state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>The attempt's result, written only under the claim's lease; the lease is released with it.</summary>
    private const string WritePublicationSql = """
        UPDATE post_publications
        SET status = $3, due_at = $4, attempts = $5, error_message = $6, external_id = $7, external_url = $8,
            published_at = $9, notice_due_at = $10, lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $1 AND lease_owner = $2
        """;

    private static object[] WritePublicationParameters(ClaimedPublication claim, PublicationChange change) =>
    [
        claim.Id, claim.Lease, change.Status, change.DueAt, change.Attempts, DbValue(change.ErrorMessage),
        DbValue(change.ExternalId), DbValue(change.ExternalUrl), DbValue(change.PublishedAt), DbValue(change.NoticeDueAt),
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

    private async Task WritePostStateAsync(Guid postId, PostState state, CancellationToken cancellationToken)
    {
        if (state.Status == PostStatus.Draft)
        {
            return;
        }
        const string write = "UPDATE posts SET status = $2, published_at = $3, error_message = $4 WHERE id = $1";
        await using var command = await CommandAsync(write, cancellationToken, postId, state.Status,
            DbValue(state.PublishedAt), DbValue(state.ErrorMessage));
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>Sweeper: scheduled posts whose publications have all finished, i.e. whose state was never derived
    /// (a worker died between its two writes, or a row was fixed by hand). Returns the owners of the posts repaired.</summary>
    public async Task<IReadOnlyList<Guid>> RepairPostStatesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.id, p.user_id FROM posts p
            WHERE p.status = 'scheduled'
              AND EXISTS (SELECT 1 FROM post_publications q WHERE q.post_id = p.id AND q.status <> 'cancelled')
              AND NOT EXISTS (SELECT 1 FROM post_publications q WHERE q.post_id = p.id AND q.status IN ('pending', 'claimed', 'sending'))
            LIMIT 500
            """;
        var posts = new List<(Guid Id, Guid UserId)>();
        await using (var command = await CommandAsync(sql, cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                posts.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        foreach (var (id, _) in posts)
        {
            await RefreshPostStateAsync(id, cancellationToken);
        }
        return [.. posts.Select(p => p.UserId)];
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
        await using var command = await CommandAsync("NOTIFY " + PublicationScheduler.Channel, cancellationToken);
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
