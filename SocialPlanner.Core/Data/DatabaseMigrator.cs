using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
            // The common case, a database already up to date, is answered with one query instead of EF's migration
            // machinery (its services, the migrations assembly: most of a second on every start of the app on 2
            // cores); EF decides whenever something is pending.
            if (await AllAppliedAsync(lockConnection, ct))
            {
                activity?.SetTag("db.migrations.pending", 0);
                LogUpToDate(logger);
                return;
            }

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

    /// <summary>The migrations this build ships for <see cref="AppDbContext"/>, read from their attributes: the list EF's
    /// migrations assembly finds, without EF's model.</summary>
    public static IReadOnlyList<string> ShippedMigrations { get; } = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration))
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(AppDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task<bool> AllAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(ct) is not true)
        {
            return false;
        }
        await using var read = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\"", connection);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        return ShippedMigrations.All(applied.Contains);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);
}
