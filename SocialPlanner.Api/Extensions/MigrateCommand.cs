using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Extensions;

/// <summary><c>SocialPlanner.Api migrate</c>: the orchestrator's one-shot resource that brings the schema up to
/// date before any replica serves; it never starts the web host.</summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Contains("migrate", StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.ConfigureOpenTelemetry();
        using var host = builder.Build();
        var connectionString = builder.Configuration.GetConnectionString(AppDatabase.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{AppDatabase.ConnectionName} is not configured.");
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SocialPlanner.Migrations");
        await host.StartAsync();
        await DatabaseMigrator.MigrateAsync(connectionString, logger, CancellationToken.None);
        await host.StopAsync();
        return 0;
    }
}
