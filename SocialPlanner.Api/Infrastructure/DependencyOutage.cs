using Npgsql;
using StackExchange.Redis;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Tells a request that failed because Postgres or Redis could not be reached (down, restarting, refusing
/// connections) from one that failed because of us. The first is the client's to retry: 503 with Retry-After, not
/// 500 (issue #12). Nothing is half-written either way: a write that could not reach the database did not commit.</summary>
public static class DependencyOutage
{
    /// <summary>Long enough for a restarted Postgres or Redis to accept connections again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The problem to answer with for the dependency <see cref="Find"/> named, or null when none was.</summary>
    public static ApiProblem? ProblemFor(string? dependency) => dependency switch
    {
        "database" => ApiProblem.ServiceUnavailable(ApiText.Of("Outage.Database", (int)RetryAfter.TotalSeconds), RetryAfter),
        "cache" => ApiProblem.ServiceUnavailable(ApiText.Of("Outage.Cache", (int)RetryAfter.TotalSeconds), RetryAfter),
        _ => null,
    };

    /// <summary>Which dependency is out, looking through wrappers (EF's DbUpdateException, InvalidOperationException).</summary>
    public static string? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Postgres answered: only its "going away / not accepting connections" states are outages.
                case PostgresException pg:
                    return IsUnavailable(pg.SqlState) ? "database" : null;
                case NpgsqlException { IsTransient: true }:
                    return "database";
                case RedisConnectionException or RedisTimeoutException:
                    return "cache";
            }
        }
        return null;
    }

    /// <summary>Class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).</summary>
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
