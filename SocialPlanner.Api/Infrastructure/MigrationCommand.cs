using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Infrastructure;

/// <summary><c>SocialPlanner.Api migrate</c>: the one-shot "migrations" resource. It applies pending EF migrations
/// (under an advisory lock, so replicas never race) and exits, before any Api or Worker serves traffic.</summary>
public static class MigrationCommand
{
    public static async Task RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();
        using var host = builder.Build();
        var connectionString = builder.Configuration.GetConnectionString(AppDatabase.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{AppDatabase.ConnectionName} is not configured.");
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        await host.StartAsync();
        await DatabaseMigrator.MigrateAsync(connectionString, logger, CancellationToken.None);
        await host.StopAsync();
    }
}
