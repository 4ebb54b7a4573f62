using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Publishing;

/// <summary>The sweeper's safety net for the emails the Worker owes: failure notices (on publications) and reconnect
/// notices (on connections) still not confirmed sent long after they were due.</summary>
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

    private async Task<IReadOnlyList<Guid>> TakeOverdueNoticesAsync(
        string table, DateTimeOffset overdueBefore, DateTimeOffset nextCheck, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE {table} SET notice_due_at = $2
            WHERE id IN (SELECT id FROM {table} WHERE notice_due_at < $1 ORDER BY notice_due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
        var ids = new List<Guid>();
        await using var command = await _statements.CommandAsync(sql, cancellationToken, overdueBefore, nextCheck);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
