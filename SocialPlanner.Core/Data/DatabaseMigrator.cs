using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialPlanner.Core.Data;

/// <summary>Brings the database to the latest migration. It runs as the connection's own (owner) user, with no
/// role switching: migrations create the tables, roles and policies the roles are later confined by.</summary>
public static partial class DatabaseMigrator
{
    public const string ActivitySourceName = "SocialPlanner.Migrations";

    private static readonly ActivitySource Tracing = new(ActivitySourceName);

    /// <summary>Arbitrary but fixed: every replica asks for the same advisory lock.</summary>
    private const long LockKey = 0x5350_4D49_4752; // "SPMIGR"

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        await using var dataSource = AppDatabase.BuildDataSource(connectionString);
        await MigrateAsync(dataSource, logger, ct);
    }

    /// <summary>The same on a data source the host registered (it must carry <see cref="AppDatabase.ConfigureDataSource"/>'s mappings).</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken ct)
    {
        using var activity = Tracing.StartActivity("migrate database");

        // Replicas started together would otherwise race; the second waits, then finds nothing pending.
        // The lock lives on its own connection so EF can open and close its own freely.
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", lockConnection))
        {
            acquire.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await acquire.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await using var db = new AppDbContext(AppDatabase.OwnerOptions(dataSource));
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            activity?.SetTag("db.migrations.pending", pending.Count);
            if (pending.Count == 0)
            {
                LogUpToDate(logger);
                return;
            }

            LogApplying(logger, pending.Count, pending);
            await db.Database.MigrateAsync(ct);
            LogApplied(logger, pending.Count);
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection);
            release.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);
}
