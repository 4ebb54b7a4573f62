using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Ai;

public sealed record QuotaStatus(int Used, int Limit, DateTimeOffset ResetsAt)
{
    public int Remaining => Math.Max(0, Limit - Used);
}

/// <summary>Granted: <see cref="Row"/> is the reserved ai_generations row the generation completes.</summary>
public sealed record QuotaReservation(QuotaStatus Status, AiGeneration? Row)
{
    public bool Granted => Row is not null;
}

/// <summary>The monthly idea quota, exact under concurrency. A reservation is a transaction that takes an advisory
/// lock keyed on the user, counts this month's successful 'ideas' rows (the spec's query) and inserts a reserved
/// row, so two requests of one user can never both take the last unit. The reserved row becomes the generation's
/// audit row: a success keeps it counted, a failure (success = false) gives the unit back.</summary>
public sealed class IdeaQuota(AppDbContext db, TimeProvider time, IOptions<AiOptions> options)
{
    /// <summary>The model of a row whose generation is still running.</summary>
    public const string ReservedModel = "(reserved)";

    /// <summary>A generation takes at most a couple of minutes; a reservation older than this belongs to a process
    /// that died mid-generation and no longer counts.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public static DateTimeOffset MonthStart(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset ResetsAt(DateTimeOffset now) => MonthStart(now).AddMonths(1);

    public async Task<QuotaReservation> ReserveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limit = options.Value.MonthlyIdeaQuota;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"ai-idea-quota:" + userId}, 0))", cancellationToken);
        var used = await UsedAsync(userId, now, cancellationToken);
        if (used >= limit)
        {
            return new QuotaReservation(new QuotaStatus(used, limit, ResetsAt(now)), null);
        }
        var row = new AiGeneration
        {
            UserId = userId, Type = GenerationType.Ideas, Model = ReservedModel, CreatedAt = now, Success = true,
        };
        db.AiGenerations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new QuotaReservation(new QuotaStatus(used + 1, limit, ResetsAt(now)), row);
    }

    public async Task<QuotaStatus> StatusAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return new QuotaStatus(await UsedAsync(userId, now, cancellationToken), options.Value.MonthlyIdeaQuota, ResetsAt(now));
    }

    private Task<int> UsedAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var monthStart = MonthStart(now);
        var abandoned = now - AbandonedAfter;
        return db.AiGenerations.CountAsync(g => g.UserId == userId && g.Type == GenerationType.Ideas && g.Success
            && g.CreatedAt >= monthStart && (g.Model != ReservedModel || g.CreatedAt >= abandoned), cancellationToken);
    }
}
