using Npgsql;
using SocialPlanner.Core.Data;

namespace SocialPlanner.MigrationService;

/// <summary>Brings the database to the latest migration (under an advisory lock, so parallel runs never race), then
/// stops the host. A failure is logged and ends the process with exit code 1, so the AppHost reports the resource as
/// failed and nothing that waits for it starts against a half-migrated schema.</summary>
public sealed partial class MigrationWorker(
    NpgsqlDataSource dataSource, IHostApplicationLifetime lifetime, ILogger<MigrationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DatabaseMigrator.MigrateAsync(dataSource, logger, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(e);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(LogLevel.Critical, "Migrating the database failed")]
    private partial void LogFailed(Exception e);
}
