using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Data;

public sealed class DatabaseMigratorTests(AppFixture app) : DataTest(app)
{
    [Fact]
    public async Task Two_replicas_migrating_a_fresh_database_at_once_both_succeed_and_apply_each_migration_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = "migrate_" + Guid.NewGuid().ToString("N");
        await OwnerExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var fresh = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false };

            await Task.WhenAll(
                DatabaseMigrator.MigrateAsync(fresh.ConnectionString, NullLogger.Instance, ct),
                DatabaseMigrator.MigrateAsync(fresh.ConnectionString, NullLogger.Instance, ct));

            await using var connection = new NpgsqlConnection(fresh.ConnectionString);
            await connection.OpenAsync(ct);
            await using var applied = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            Assert.Equal((long)MigrationCount, await applied.ExecuteScalarAsync(ct));
        }
        finally
        {
            await OwnerExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
        }
    }

    /// <summary>The "migrations" resource is its own program (Aspire's migration-service pattern): it migrates a fresh
    /// database and exits 0, and exits 1 when the database cannot be reached, so nothing waiting for it starts.</summary>
    [Fact]
    public async Task The_migration_service_migrates_and_exits_0_or_exits_1_when_it_cannot()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = "migrate_" + Guid.NewGuid().ToString("N");
        await OwnerExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var fresh = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false };
            var (exitCode, output, log) = await BuiltProcess.RunAsync("SocialPlanner.MigrationService", [],
                new Dictionary<string, string> { ["ConnectionStrings__socialplanner"] = fresh.ConnectionString }, TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, output + log);

            await using var connection = new NpgsqlConnection(fresh.ConnectionString);
            await connection.OpenAsync(ct);
            await using var applied = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            Assert.Equal((long)MigrationCount, await applied.ExecuteScalarAsync(ct));
        }
        finally
        {
            await OwnerExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
        }

        var unreachable = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = 1, Timeout = 2 };
        var (failedExit, failedOutput, failedLog) = await BuiltProcess.RunAsync("SocialPlanner.MigrationService", [],
            new Dictionary<string, string> { ["ConnectionStrings__socialplanner"] = unreachable.ConnectionString }, TimeSpan.FromMinutes(2));
        Assert.True(failedExit == 1, $"exit code {failedExit}: {failedOutput}{failedLog}");
        Assert.Contains("Migrating the database failed", failedOutput + failedLog);
    }

    /// <summary>The migrator answers "up to date" without EF's model when every shipped migration is applied: its list
    /// must be EF's, and a database missing any one of them must still be migrated by EF.</summary>
    [Fact]
    public async Task The_up_to_date_fast_path_knows_the_migrations_EF_knows_and_never_skips_a_pending_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options))
        {
            Assert.Equal(db.Database.GetMigrations(), DatabaseMigrator.ShippedMigrations);
        }

        var database = "migrate_" + Guid.NewGuid().ToString("N");
        await OwnerExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var fresh = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false };
            await DatabaseMigrator.MigrateAsync(fresh.ConnectionString, NullLogger.Instance, ct);

            // The newest migration is reverted, as on a database of the previous release: the next start must apply it.
            var newest = DatabaseMigrator.ShippedMigrations[^1];
            await using (var dataSource = BuildDataSource(fresh.ConnectionString))
            await using (var db = new AppDbContext(AppDatabase.OwnerOptions(dataSource)))
            {
                await db.GetService<IMigrator>().MigrateAsync(DatabaseMigrator.ShippedMigrations[^2], cancellationToken: ct);
                Assert.Equal([newest], await db.Database.GetPendingMigrationsAsync(ct));
            }

            await DatabaseMigrator.MigrateAsync(fresh.ConnectionString, NullLogger.Instance, ct);

            await using var connection = new NpgsqlConnection(fresh.ConnectionString);
            await connection.OpenAsync(ct);
            await using var applied = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            Assert.Equal((long)MigrationCount, await applied.ExecuteScalarAsync(ct));
            await using (var dataSource = BuildDataSource(fresh.ConnectionString))
            await using (var db = new AppDbContext(AppDatabase.OwnerOptions(dataSource)))
            {
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            }
        }
        finally
        {
            await OwnerExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
        }
    }

    /// <summary>Every migration the assembly ships, so adding one does not break this test.</summary>
    private static int MigrationCount => typeof(AppDbContext).Assembly.GetTypes()
        .Count(t => t.GetCustomAttributes(typeof(MigrationAttribute), false).Length > 0);

    private async Task OwnerExecuteAsync(string sql)
    {
        await using var command = Owner.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
