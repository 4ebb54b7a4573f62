using System.Data.Common;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Publishing;

/// <summary>The emails the Worker owes, each recorded by its row's <c>notice_due_at</c> until it is sent: the sweeper's
/// safety net for failure notices (on publications) and reconnect notices (on connections) still not confirmed sent
/// long after they were due, and the operator's AI cost alerts (their only way out).</summary>
public sealed class OverdueNotices(AppDbContext db)
{
    private readonly ScopedSql _statements = new(db);

    /// <summary>Sweeper: failure emails owed since before <paramref name="overdueBefore"/> and still not
    /// confirmed sent (the worker died before queueing them, or every retry of the job failed). Each is pushed to
    /// <paramref name="nextCheck"/> in the same statement, so a crash between this and queueing them again only delays
    /// them; the caller queues the returned publication ids.</summary>
    public Task<IReadOnlyList<Guid>> TakeOverdueFailureNoticesAsync(
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync("post_publications", overdueBefore, nextCheck, cancellationToken);

    /// <summary>The same for reconnect emails; returns connection ids.</summary>
    public Task<IReadOnlyList<Guid>> TakeOverdueReconnectNoticesAsync(
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync("social_connections", overdueBefore, nextCheck, cancellationToken);

    /// <summary>The same for the operator's AI cost alert mails (<see cref="Ai.AiCostAlertEmails"/>); returns their
    /// (user, month) keys.</summary>
    public Task<IReadOnlyList<(Guid UserId, DateOnly Month)>> TakeOverdueCostAlertsAsync(
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync("ai_cost_alerts", "user_id, month", r => (r.GetGuid(0), r.GetFieldValue<DateOnly>(1)),
            overdueBefore, nextCheck, cancellationToken);

    private Task<IReadOnlyList<Guid>> TakeOverdueNoticesAsync(
        string table, DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken) =>
        TakeOverdueNoticesAsync(table, "id", r => r.GetGuid(0), overdueBefore, nextCheck, cancellationToken);

    /// <summary>Each row owing its notice since before <paramref name="overdueBefore"/>, pushed to
    /// <paramref name="nextCheck"/> in the same statement (SKIP LOCKED: two Workers never take the same one); returns
    /// the rows' <paramref name="key"/>.</summary>
    private async Task<IReadOnlyList<T>> TakeOverdueNoticesAsync<T>(string table, string key, Func<DbDataReader, T> read,
        DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE {table} SET notice_due_at = $2
            WHERE ({key}) IN (SELECT {key} FROM {table} WHERE notice_due_at < $1 ORDER BY notice_due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING {key}
            """;
        var taken = new List<T>();
        await using var command = await _statements.CommandAsync(sql, cancellationToken, overdueBefore, nextCheck);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(read(reader));
        }
        return taken;
    }
}
