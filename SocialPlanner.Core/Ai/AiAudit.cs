using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Ai;

/// <summary>Every generation, successful or not, leaves its ai_generations row: type, model, prompt, response or
/// error, tokens, duration. Its id is the API's <c>generation_id</c>.</summary>
public sealed class AiAudit(AppDbContext db, TimeProvider time)
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
    public Task SucceededAsync<T>(AiGeneration row, AiResult<T> result)
    {
        row.Model = Fit(result.Model);
        row.Prompt = result.Prompt;
        row.Response = result.Response;
        row.TokensUsed = result.TokensUsed;
        row.DurationMs = result.DurationMs;
        row.Success = true;
        row.ErrorMessage = null;
        return db.SaveChangesAsync(CancellationToken.None);
    }

    public Task FailedAsync(AiGeneration row, AiGenerationException error)
    {
        row.Model = Fit(error.Model);
        row.Prompt = error.Prompt;
        row.Response = error.Response.Length > 0 ? error.Response : error.Message;
        row.TokensUsed = error.TokensUsed;
        row.DurationMs = error.DurationMs;
        row.Success = false;
        row.ErrorMessage = error.Message;
        return db.SaveChangesAsync(CancellationToken.None);
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

    /// <summary>The column is varchar(50); provider model ids are shorter, but a misconfigured one must not make
    /// the audit write fail.</summary>
    private static string Fit(string model) => model.Length <= 50 ? model : model[..50];
}
