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
    public static ApiProblem? StaleCopy<TEntity>(AppDbContext db, TEntity entity, DateTimeOffset? seen, string what, string retry = "try again")
        where TEntity : class
    {
        if (seen is not { } version)
        {
            return null;
        }
        var updatedAt = db.Entry(entity).Property<DateTimeOffset>("UpdatedAt");
        if (version.ToDbPrecision() != updatedAt.CurrentValue)
        {
            return ApiProblem.Conflict(
                $"The {what} was changed by someone else: it is now at updated_at {JsonConventions.Timestamp(updatedAt.CurrentValue)}, "
                + $"your copy is from {JsonConventions.Timestamp(version)}. Reload it and {retry}");
        }
        updatedAt.OriginalValue = version.ToDbPrecision();
        return null;
    }

    /// <summary>Runs the save; a concurrent change (the version check above) or a publication being sent right now
    /// becomes a 409 saying what to do.</summary>
    public static async Task<ApiProblem?> SaveAsync(Func<Task> save, string what, string retry = "try again")
    {
        try
        {
            await save();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblem.Conflict($"The {what} was changed by someone else while saving. Reload it and {retry}");
        }
        catch (PublicationInFlightException e)
        {
            return ApiProblem.Conflict($"{e.Message} Wait for the outcome, then {retry}");
        }
    }
}
