using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>The one way the Api answers 409: the client's copy is stale (optimistic locking on <c>updated_at</c>,
/// checked before and enforced during the save), or the post is being sent to a platform right now.</summary>
public static class Conflicts
{
    /// <summary>409 when the client saw an older <c>updated_at</c> than the row's; otherwise makes the save itself
    /// conditional on that version, so a write racing ours since we read it fails too. No version: no check.</summary>
    public static ApiProblem? StaleCopy<TEntity>(AppDbContext db, TEntity entity, DateTimeOffset? seen, string what, string retry = ConflictRetry.TryAgain)
        where TEntity : class
    {
        if (seen is not { } version)
        {
            return null;
        }
        var updatedAt = db.Entry(entity).Property<DateTimeOffset>("UpdatedAt");
        if (version.ToDbPrecision() != updatedAt.CurrentValue)
        {
            return ApiProblem.Conflict($"Conflict.Stale.{what}", JsonConventions.Timestamp(updatedAt.CurrentValue),
                JsonConventions.Timestamp(version), ApiText.Of(retry));
        }
        updatedAt.OriginalValue = version.ToDbPrecision();
        return null;
    }

    /// <summary>Runs the save; a concurrent change (the version check above) or a publication being sent right now
    /// becomes a 409 saying what to do.</summary>
    public static async Task<ApiProblem?> SaveAsync(Func<Task> save, string what, string retry = ConflictRetry.TryAgain)
    {
        try
        {
            await save();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblem.Conflict($"Conflict.WhileSaving.{what}", ApiText.Of(retry));
        }
        catch (PublicationInFlightException e)
        {
            return ApiProblem.Conflict("Conflict.InFlight", e.Message, ApiText.Of(retry));
        }
    }
}

/// <summary>What a 409 is about (<c>Conflict.*.{subject}</c> keys: each language words it with its own grammar).</summary>
public static class ConflictSubject
{
    public const string Post = "Post";
    public const string Template = "Template";
    public const string Account = "Account";
}

/// <summary>What the client should do after reloading, as <see cref="ApiStrings"/> keys.</summary>
public static class ConflictRetry
{
    public const string TryAgain = "Conflict.Retry.TryAgain";
    public const string ApplyAgain = "Conflict.Retry.ApplyAgain";
    public const string Delete = "Conflict.Retry.Delete";
}
