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

    /// <summary>Every migration the assembly ships, so adding one does not break this test.</summary>
    private static int MigrationCount => typeof(AppDbContext).Assembly.GetTypes()
        .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);

    private async Task OwnerExecuteAsync(string sql)
    {
        await using var command = Owner.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
