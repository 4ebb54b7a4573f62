using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Api.Social;

/// <summary>The spec's Vercel-style cron hook. Publishing does not depend on it (the Worker's dispatchers and
/// recurring sweeper do the work); it lets an outside scheduler force a sweep and wake every dispatcher.</summary>
public static class CronSweep
{
    public static async Task<Results<Ok<Envelope<SweepDto>>, ApiProblem>> HandleAsync(
        HttpRequest request, DbSession session, PublicationSweeper sweeper, PublicationQueue queue, TimeProvider clock,
        IOptions<CronOptions> options, CancellationToken ct)
    {
        if (!Authorized(request.Headers, options.Value.CronSecret))
        {
            return ApiProblem.Unauthorized("Social.CronSecret");
        }

        // Cross-user queue maintenance: the Worker's role, never a user's.
        session.Role = DbRole.Worker;
        session.UserId = null;
        var (released, overdue, repaired) = await sweeper.SweepAsync(ct);
        await queue.NotifyAsync(ct);
        var dueNow = await queue.CountOverdueAsync(clock.GetUtcNow(), ct);
        return TypedResults.Ok(Envelope.Of(new SweepDto(released, overdue, repaired, dueNow)));
    }

    /// <summary>No configured secret means the endpoint is closed. Both sides are hashed first so the comparison
    /// takes the same time whatever the presented value's length or content.</summary>
    public static bool Authorized(IHeaderDictionary headers, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }
        var authorization = headers.Authorization.ToString();
        var presented = authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : headers["X-Cron-Secret"].ToString();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
