using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SocialPlanner.Core.Data;
using StackExchange.Redis;

namespace SocialPlanner.Core.Hosting;

/// <summary>The one call per dependency every host makes (Api, Worker, migrations): Aspire's client integrations
/// (<c>Aspire.Npgsql.EntityFrameworkCore.PostgreSQL</c>, <c>Aspire.StackExchange.Redis</c>) for the connection, its
/// health check and its telemetry, with what is ours on top: the enum mappings, the pooled context leased with the
/// scope's session (row-level security), and a Redis health that reports Degraded at once while disconnected.</summary>
public static class AppDataHosting
{
    /// <summary>Tag of the checks that decide readiness (<c>/health</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>How many statements a connection keeps prepared (Npgsql auto-prepare); 0, the default, prepares none.
    /// The Api sets it (its requests repeat a few dozen statements); the Worker does not (docs/performance.md).</summary>
    public const string PreparedStatementsSetting = "Database:PreparedStatements";

    /// <summary>The <see cref="Npgsql.NpgsqlDataSource"/> of <c>ConnectionStrings:socialplanner</c> (with our enum
    /// mappings, Npgsql tracing and metrics, a health check) and the pooled <see cref="AppDbContext"/> on it. Aspire's
    /// retrying execution strategy stays off: the queue's and the scheduler's own transactions are not retriable as a
    /// whole, and a failed statement is the dispatcher's to recover (its leases), never EF's to repeat.</summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        var statements = builder.Configuration.GetValue<int>(PreparedStatementsSetting);
        builder.AddNpgsqlDataSource(AppDatabase.ConnectionName,
            settings => settings.ConnectionString = AppDatabase.WithPreparedStatements(settings.ConnectionString, statements),
            AppDatabase.ConfigureDataSource);
        builder.Services.AddAppDbContext();
        // The data source's check already says whether Postgres answers; the context's would only repeat it.
        builder.EnrichNpgsqlDbContext<AppDbContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableHealthChecks = true;
        });
        return builder;
    }

    /// <summary>The Data Protection key ring the Api and the Worker share (keys in Postgres, one application name):
    /// what one encrypts (OAuth tokens, upload links) the other decrypts. Also what tools writing such secrets use.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("SocialPlanner");
        return services;
    }

    /// <summary>The shared <see cref="IConnectionMultiplexer"/> of <c>ConnectionStrings:cache</c>, started even while
    /// Redis is down (it only carries caches, limits and deny-lists that fail open), with our health check instead of
    /// Aspire's: a PING on a disconnected client would wait for its timeout (5 s), longer than health probes wait, and
    /// a degraded service would be taken for a dead one.</summary>
    public static IHostApplicationBuilder AddAppCache(this IHostApplicationBuilder builder, string connectionName = "cache")
    {
        builder.AddRedisClient(connectionName, settings => settings.DisableHealthChecks = true, options => options.AbortOnConnectFail = false);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(connectionName,
            sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()), HealthStatus.Degraded, [ReadyTag]));
        return builder;
    }

    /// <summary>PING when connected; the registration's failure status (Degraded) at once when not.</summary>
    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!redis.IsConnected)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected");
            }
            try
            {
                await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING", e);
            }
        }
    }
}
