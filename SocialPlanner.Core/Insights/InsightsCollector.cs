using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Insights;

/// <summary>Takes the metrics readings that are due: claims a batch of publications (<c>FOR UPDATE SKIP LOCKED</c>,
/// pushing their due time one lease ahead so several workers share the work and a crashed one's share comes back),
/// reads each from its platform connection by connection, appends the reading to
/// <c>posts.metadata.analytics.&lt;platform&gt;</c> and sets the next due time. A connection that hits a rate limit
/// or lacks the permission is not called again in this batch. Rows just published (marked due by the trigger) are
/// left alone until their first age, so a burst of publishing costs the collector no writes while it drains.</summary>
public sealed partial class InsightsCollector(
    AppDbContext db, SocialTokens tokens, PlatformMetricsReader reader, TimeProvider clock,
    IOptions<InsightsOptions> options, ILogger<InsightsCollector> logger)
{
    private static readonly JsonSerializerOptions ReadingJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Due(Guid Id, Guid PostId, Guid UserId, SocialPlatform Platform, string? ExternalId, DateTimeOffset PublishedAt, int Readings);

    private InsightsOptions Options => options.Value;

    /// <summary>One batch; answers how many publications it claimed (0: nothing is due).</summary>
    public async Task<int> CollectDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var connection in claimed.GroupBy(d => (d.UserId, d.Platform)))
        {
            await CollectAsync(connection.Key.UserId, connection.Key.Platform, [.. connection], cancellationToken);
        }
        return claimed.Count;
    }

    private async Task<List<Due>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sql = new ScopedSql(db);
        await using var command = await sql.CommandAsync("""
            UPDATE post_publications p SET metrics_due_at = $1
            FROM (SELECT id FROM post_publications WHERE metrics_due_at <= $2 AND (metrics_readings > 0 OR published_at <= $4)
                  ORDER BY metrics_due_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
            WHERE p.id = due.id
            RETURNING p.id, p.post_id, p.user_id, p.platform::text, p.external_id, p.published_at, p.metrics_readings
            """, cancellationToken, now + Options.ClaimLease, now, Options.BatchSize, now - Options.Ages[0]);
        var claimed = new List<Due>();
        try
        {
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                var platform = rows.GetString(3) == "instagram" ? SocialPlatform.Instagram : SocialPlatform.Linkedin;
                claimed.Add(new Due(rows.GetGuid(0), rows.GetGuid(1), rows.GetGuid(2), platform, ScopedSql.NullableString(rows, 4),
                    ScopedSql.NullableTime(rows, 5) ?? now, rows.GetInt32(6)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return claimed;
    }

    private async Task CollectAsync(Guid userId, SocialPlatform platform, List<Due> publications, CancellationToken cancellationToken)
    {
        var ages = Options.Ages;
        var now = clock.GetUtcNow();
        var owed = new List<Due>();
        foreach (var publication in publications)
        {
            if (publication.ExternalId is null || !MetricsSchedule.IsOwed(ages, publication.PublishedAt, publication.Readings, now))
            {
                // The mark set on publishing (or a row without a platform id): the next age is the real due time.
                await RescheduleAsync(publication, publication.Readings, cancellationToken);
                continue;
            }
            owed.Add(publication);
        }
        if (owed.Count == 0)
        {
            return;
        }

        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.UserId == userId && c.Platform == platform, cancellationToken);
        var token = connection is { InsightsUnavailable: null } ? await tokens.AccessTokenAsync(connection, false, cancellationToken) : null;
        if (token is null)
        {
            // Disconnected, reconnect needed, or known to lack the permission: look again later without a call.
            await DeferAsync(owed, Options.UnavailableRecheck, cancellationToken);
            return;
        }

        for (var i = 0; i < owed.Count; i++)
        {
            var publication = owed[i];
            switch (await reader.ReadAsync(platform, publication.ExternalId!, token, cancellationToken))
            {
                case MetricsAnswer.Read read:
                    await RecordAsync(publication, read.Metrics, cancellationToken);
                    break;
                case MetricsAnswer.RateLimited limited:
                    LogRateLimited(platform, connection!.Id, owed.Count - i);
                    await DeferAsync(owed[i..], limited.Wait ?? Options.RateLimitBackoff, cancellationToken);
                    return;
                case MetricsAnswer.MissingPermission missing:
                    connection!.InsightsUnavailable = MetricsUnavailable.MissingScope(missing.Scope);
                    await db.SaveChangesAsync(cancellationToken);
                    LogMissingPermission(platform, connection.Id, missing.Scope);
                    await DeferAsync(owed[i..], Options.UnavailableRecheck, cancellationToken);
                    return;
                case MetricsAnswer.Failed failed:
                    LogReadingFailed(publication.Id, failed.Reason);
                    await DeferAsync([publication], Options.RetryAfterFailure, cancellationToken);
                    break;
                case MetricsAnswer.Gone gone:
                    LogReadingFailed(publication.Id, gone.Reason);
                    await RescheduleAsync(publication, MetricsSchedule.Covered(ages, now - publication.PublishedAt), cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Appends the reading and makes it the latest, in one statement on the post row, so two workers reading
    /// the two platforms of one post cannot lose each other's reading.</summary>
    private async Task RecordAsync(Due publication, PostMetrics metrics, CancellationToken cancellationToken)
    {
        var reading = JsonSerializer.Serialize(metrics, ReadingJson);
        var platform = publication.Platform == SocialPlatform.Instagram ? "instagram" : "linkedin";
        await db.Database.ExecuteSqlAsync($$"""
            UPDATE posts SET metadata = jsonb_set(
                CASE WHEN jsonb_typeof(metadata -> 'analytics') = 'object' THEN metadata
                     ELSE jsonb_set(COALESCE(metadata, '{}'::jsonb), '{analytics}', '{}'::jsonb) END,
                ARRAY['analytics', {{platform}}],
                jsonb_build_object(
                  'readings', COALESCE(metadata #> ARRAY['analytics', {{platform}}, 'readings'], '[]'::jsonb) || jsonb_build_array({{reading}}::jsonb),
                  'latest', {{reading}}::jsonb))
            WHERE id = {{publication.PostId}}
            """, cancellationToken);
        var covered = Math.Max(publication.Readings + 1, MetricsSchedule.Covered(Options.Ages, metrics.At - publication.PublishedAt));
        await RescheduleAsync(publication, covered, cancellationToken);
    }

    private async Task RescheduleAsync(Due publication, int readings, CancellationToken cancellationToken)
    {
        var next = MetricsSchedule.NextDue(Options.Ages, publication.PublishedAt, readings);
        await db.PostPublications.Where(p => p.Id == publication.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.MetricsReadings, readings)
            .SetProperty(p => p.MetricsDueAt, next), cancellationToken);
    }

    private async Task DeferAsync(IReadOnlyList<Due> publications, TimeSpan wait, CancellationToken cancellationToken)
    {
        var ids = publications.Select(p => p.Id).ToList();
        var at = clock.GetUtcNow() + wait;
        await db.PostPublications.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.MetricsDueAt, at), cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Insights: {Platform} rate-limited connection {ConnectionId}; {Count} readings deferred")]
    private partial void LogRateLimited(SocialPlatform platform, Guid connectionId, int count);

    [LoggerMessage(LogLevel.Information, "Insights: {Platform} connection {ConnectionId} lacks {Scope}; no more metrics calls until it reconnects")]
    private partial void LogMissingPermission(SocialPlatform platform, Guid connectionId, string scope);

    [LoggerMessage(LogLevel.Warning, "Insights: reading of publication {PublicationId} failed: {Reason}")]
    private partial void LogReadingFailed(Guid publicationId, string reason);
}
