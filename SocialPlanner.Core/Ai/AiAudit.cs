using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Ai;

/// <summary>Every generation, successful or not, leaves its ai_generations row: type, model, prompt, response or
/// error, tokens, duration. Its id is the API's <c>generation_id</c>. A generation that spent tokens also checks the
/// user's monthly spend against the cost alert.</summary>
public sealed partial class AiAudit(
    AppDbContext db, TimeProvider time, IOptions<AiOptions> options, AiMetrics metrics, ILogger<AiAudit> logger)
{
    /// <summary>A new row for a generation that needs no quota reservation.</summary>
    public AiGeneration Begin(Guid userId, GenerationType type)
    {
        var row = new AiGeneration { UserId = userId, Type = type, CreatedAt = time.GetUtcNow(), Success = true };
        db.AiGenerations.Add(row);
        return row;
    }

    /// <summary>Runs the generation and records its outcome on <paramref name="row"/> whatever happens, including a
    /// client that goes away (a reserved quota unit must not stay taken).</summary>
    public async Task<AiResult<T>> RunAsync<T>(AiGeneration row, Func<CancellationToken, Task<AiResult<T>>> generate, CancellationToken cancellationToken)
    {
        try
        {
            var result = await generate(cancellationToken);
            await SucceededAsync(row, result);
            return result;
        }
        catch (AiGenerationException e)
        {
            await FailedAsync(row, e);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelledAsync(row);
            throw;
        }
    }

    // Outcomes are saved with CancellationToken.None: the request may be cancelled, the record must still land.
    public async Task SucceededAsync<T>(AiGeneration row, AiResult<T> result)
    {
        row.Model = Fit(result.Model);
        row.Prompt = result.Prompt;
        row.Response = result.Response;
        row.TokensUsed = result.TokensUsed;
        row.DurationMs = result.DurationMs;
        row.Success = true;
        row.ErrorMessage = null;
        await db.SaveChangesAsync(CancellationToken.None);
        await WatchCostAsync(row);
    }

    public async Task FailedAsync(AiGeneration row, AiGenerationException error)
    {
        row.Model = Fit(error.Model);
        row.Prompt = error.Prompt;
        row.Response = error.Response.Length > 0 ? error.Response : error.Message;
        row.TokensUsed = error.TokensUsed;
        row.DurationMs = error.DurationMs;
        row.Success = false;
        row.ErrorMessage = error.Message;
        await db.SaveChangesAsync(CancellationToken.None);
        await WatchCostAsync(row);
    }

    public Task CancelledAsync(AiGeneration row)
    {
        row.Model = row.Model is "" or IdeaQuota.ReservedModel ? "(none)" : row.Model;
        row.Success = false;
        row.ErrorMessage = "The request was cancelled before the generation finished";
        row.Response = row.ErrorMessage;
        row.DurationMs = (int)Math.Max(0, (time.GetUtcNow() - row.CreatedAt).TotalMilliseconds);
        return db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Raises the month's cost alert when the user's estimated spend, this generation's tokens included, is
    /// over <see cref="AiOptions.MonthlyCostAlertUsd"/>. The (user, month) key makes it once a month: every later
    /// generation's insert does nothing. Two generations committing together may each miss the other's tokens; the
    /// next one then sees the sum and raises it. Never fails the generation: it is already recorded. The row owes the
    /// operator's mail from its insert (<c>notice_due_at</c>); the Worker sends it (<see cref="AiCostAlertEmails"/>).</summary>
    private async Task WatchCostAsync(AiGeneration row)
    {
        if (row.TokensUsed <= 0)
        {
            return;
        }
        try
        {
            var limits = options.Value;
            var month = IdeaQuota.MonthStart(row.CreatedAt);
            var tokens = await db.AiGenerations.Where(g => g.UserId == row.UserId && g.CreatedAt >= month && g.CreatedAt < month.AddMonths(1))
                .SumAsync(g => (long)g.TokensUsed, CancellationToken.None);
            var cost = tokens * limits.UsdPerToken;
            if (cost <= limits.MonthlyCostAlertUsd)
            {
                return;
            }
            var alert = new AiCostAlert
            {
                UserId = row.UserId, Month = DateOnly.FromDateTime(month.UtcDateTime), EstimatedCostUsd = cost, TokensUsed = tokens,
                CreatedAt = time.GetUtcNow(),
            };
            var raised = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ai_cost_alerts (user_id, month, estimated_cost_usd, tokens_used, created_at, notice_due_at)
                VALUES ({alert.UserId}, {alert.Month}, {alert.EstimatedCostUsd}, {alert.TokensUsed}, {alert.CreatedAt}, {alert.CreatedAt})
                ON CONFLICT (user_id, month) DO NOTHING
                """, CancellationToken.None);
            if (raised == 0)
            {
                return;
            }
            metrics.CostAlertRaised();
            LogCostAlert(alert.UserId, alert.Month, alert.EstimatedCostUsd, alert.TokensUsed, limits.MonthlyCostAlertUsd);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            LogCostCheckFailed(e, row.UserId);
        }
    }

    [LoggerMessage(LogLevel.Warning,
        "AI cost alert: user {UserId} has spent an estimated ${EstimatedCostUsd} on AI in the month of {Month} ({TokensUsed} tokens), over the ${AlertUsd} alert")]
    private partial void LogCostAlert(Guid userId, DateOnly month, decimal estimatedCostUsd, long tokensUsed, decimal alertUsd);

    [LoggerMessage(LogLevel.Error, "The AI cost alert of user {UserId} could not be checked")]
    private partial void LogCostCheckFailed(Exception exception, Guid userId);

    /// <summary>The column is varchar(50); provider model ids are shorter, but a misconfigured one must not make
    /// the audit write fail.</summary>
    private static string Fit(string model) => model.Length <= 50 ? model : model[..50];
}
