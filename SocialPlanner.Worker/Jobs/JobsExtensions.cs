using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Worker.Publishing;

namespace SocialPlanner.Worker.Jobs;

public static class JobsExtensions
{
    private const string Schema = "hangfire";

    /// <summary>Hangfire on our Postgres (its own schema, created on first start; every worker shares it), this
    /// process's server, and the notifier that queues emails. Long polling (LISTEN/NOTIFY) starts a queued email at
    /// once instead of at the next 15-second poll.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(AppDatabase.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{AppDatabase.ConnectionName} is not configured.");
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true, EnableLongPolling = true }));
        builder.Services.AddHangfireServer((sp, server) =>
            server.ServerName = sp.GetRequiredService<DispatcherIdentity>().Owner);
        builder.Services.AddSingleton<IPublishingNotifier, HangfireNotifier>();
        builder.Services.AddOptions<AiOptions>().Bind(builder.Configuration.GetSection(AiOptions.Section));
        builder.Services.AddScoped<AiCostAlertEmails>();
        builder.Services.AddHealthChecks().AddCheck<HangfireServerHealthCheck>("hangfire", tags: [Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>The recurring jobs (declared idempotently by every worker) and the dashboard at <c>/hangfire</c>,
    /// read-only outside Development.</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TokenRefreshJob>(TokenRefreshJob.Id, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        recurring.AddOrUpdate<PublicationSweepJob>(PublicationSweepJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<MediaCleanupJob>(MediaCleanupJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<AiCostAlertMailJob>(AiCostAlertMailJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

        var readOnly = !app.Environment.IsDevelopment();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            IsReadOnlyFunc = _ => readOnly,
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        return app;
    }
}
