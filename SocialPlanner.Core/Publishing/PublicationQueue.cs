using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>A publication a dispatcher holds a lease on. <see cref="Reconcile"/>: it was already being sent when
/// claimed, so the platform must be asked what happened before anything is sent. <see cref="Lease"/>: the
/// value this claim wrote in this row's <c>lease_owner</c>, unique to the row and the claim, not just to the process:
/// an edit re-arms a row, and should the same dispatcher claim it again while its first claim is still preparing, only
/// the newer claim may mark it as being sent (the older one would send the old text, and both would go out). Unique to
/// the row too: a claim takes many rows, and nothing written for one of them may ever be read as another's (issue #12). <see cref="HasSiblings"/>:
/// the post had another live publication when claimed (<c>both</c>), so completing must be one locked transaction.</summary>
public sealed record ClaimedPublication(
    Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, bool Reconcile, int Attempts,
    DateTimeOffset ScheduledAt, DateTimeOffset DueAt, string? PlatformHandle, DateTimeOffset? SendingAt, string Lease,
    bool HasSiblings, string? TraceParent = null);

/// <summary>"Being sent" for the claim whose lease is <see cref="Lease"/>, with the platform's handle if one
/// was made before the call (an Instagram container).</summary>
public sealed record SendingMark(Guid Id, string Lease, DateTimeOffset At, string? Handle);

/// <summary>The queue operations on <c>post_publications</c>, as single SQL statements on the scope's connection
/// (so the Worker's role applies). Every write after the claim is conditional on still holding the claim's lease: a
/// reschedule, an edit or another dispatcher's recovery silently wins over a slow holder. A lease reads
/// <c>{owner}/{random}</c>, one per claimed row; renewing and releasing act on every lease of the owner.</summary>
public sealed class PublicationQueue(AppDbContext db)
{
    private readonly ScopedSql _statements = new(db);


    /// <summary>A row (<c>p</c>) and a result written for it (<c>r</c>) belong together when both the row and its
    /// lease match: a batch may hold two claims of one row (an older one that lost it), and a claim holds many rows.</summary>
    internal const string SameClaim = "p.id = r.id AND p.lease_owner = r.lease";

    /// <summary>The row's owner has paused their publishing (issue #17). Part of the claim statement itself, so a pause
    /// committed before a claim starts is always honoured, and a claim committed before the pause completes normally:
    /// pausing stops what has not been claimed yet. Paused rows are not "due" for the wake-up or the sweeper either, or
    /// a dispatcher would spin on rows it may not take.</summary>
    internal const string PausedOwner =
        "EXISTS (SELECT 1 FROM users u WHERE u.id = post_publications.user_id AND u.publishing_paused_at IS NOT NULL)";

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
        const string sql = $"""
            WITH due AS (
                SELECT d.id FROM unnest($1::social_platform[], $2::int[]) AS r(platform, n)
                CROSS JOIN LATERAL (
                    SELECT id FROM post_publications
                    WHERE platform = r.platform AND due_at <= $3
                      AND (status = 'pending'
                           OR (status IN ('claimed', 'sending') AND (lease_expires_at IS NULL OR lease_expires_at < $3)))
                      AND NOT {PausedOwner}
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
        // Each row its own lease, {owner}/{random}, read back from what was written.
        await using var command = await _statements.CommandAsync(sql, cancellationToken,
            wanted.Select(r => r.Key).ToArray(), wanted.Select(r => r.Value).ToArray(), now, LeasePrefix(owner), now + lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedPublication>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedPublication(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<SocialPlatform>(3),
                reader.GetBoolean(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7), ScopedSql.NullableString(reader, 8), ScopedSql.NullableTime(reader, 9), reader.GetString(11),
                reader.GetBoolean(10), ScopedSql.NullableString(reader, 12)));
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
        await using var command = await _statements.CommandAsync(sql, cancellationToken, until, LeasePrefix(owner), ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records "being sent" just before the platform call. False: the lease is no longer ours, so
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
        await using var command = await _statements.CommandAsync(sql, cancellationToken,
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

    /// <summary>When the dispatcher must look again for rows of <paramref name="platforms"/>: the earliest unheld due
    /// time or lease expiry. Platforms whose slots are full are left out: a finishing publication wakes the loop for them.</summary>
    public async Task<DateTimeOffset?> NextWakeAsync(IReadOnlyCollection<SocialPlatform> platforms, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT LEAST(
                (SELECT min(due_at) FROM post_publications
                 WHERE status IN ('pending', 'claimed', 'sending') AND lease_owner IS NULL AND platform = ANY($1::social_platform[])
                   AND NOT {PausedOwner}),
                (SELECT min(lease_expires_at) FROM post_publications
                 WHERE status IN ('claimed', 'sending') AND lease_owner IS NOT NULL AND platform = ANY($1::social_platform[])))
            """;
        await using var command = await _statements.CommandAsync(sql, cancellationToken, platforms.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Read as DateTimeOffset explicitly: the untyped scalar of a timestamptz is a DateTime, and a type test on it
        // silently turns every wake-up into the idle ceiling.
        return await reader.ReadAsync(cancellationToken) ? ScopedSql.NullableTime(reader, 0) : null;
    }

    /// <summary>Sweeper: hands rows whose holder died back to the queue, due now. A row that was being sent keeps
    /// its <c>sending</c> status, so whoever claims it reconciles.</summary>
    public async Task<int> ReleaseExpiredLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE post_publications
            SET status = CASE WHEN status = 'sending' THEN status ELSE 'pending' END,
                lease_owner = NULL, lease_expires_at = NULL, due_at = LEAST(due_at, $1)
            WHERE status IN ('claimed', 'sending') AND lease_expires_at < $1
            """;
        await using var command = await _statements.CommandAsync(sql, cancellationToken, now);
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
        await using var command = await _statements.CommandAsync(sql, cancellationToken, LeasePrefix(owner));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sweeper: open rows that were due before <paramref name="dueBefore"/> and that nobody holds.</summary>
    public async Task<int> CountOverdueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT count(*) FROM post_publications WHERE status IN ('pending', 'sending') AND lease_owner IS NULL AND due_at < $1 AND NOT {PausedOwner}";
        await using var command = await _statements.CommandAsync(sql, cancellationToken, dueBefore);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Wakes every dispatcher (they LISTEN on <see cref="PublicationScheduler.Channel"/>).</summary>
    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await using var command = await _statements.CommandAsync(PublicationScheduler.NotifySql, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
