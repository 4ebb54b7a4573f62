using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire-like client integrations: a resource is named by its connection string, and registering it
/// also registers its health check and tracing.</summary>
public static class DataExtensions
{
    /// <summary>Registers the <see cref="NpgsqlDataSource"/> of <c>ConnectionStrings:{name}</c> as a singleton, with Npgsql
    /// tracing (Aspire's <c>AddNpgsqlDataSource</c>). The host then registers its context on it and calls
    /// <see cref="EnrichNpgsqlDbContext{TContext}"/>, Aspire's way for a context registered by hand.</summary>
    public static IHostApplicationBuilder AddNpgsqlDataSource(
        this IHostApplicationBuilder builder, string connectionName, Action<NpgsqlDataSourceBuilder>? configureDataSource = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        configureDataSource?.Invoke(dataSourceBuilder);
        builder.Services.AddSingleton(dataSourceBuilder.Build());
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddNpgsql());
        return builder;
    }

    /// <summary>The readiness health check of a context the host registered itself.</summary>
    public static IHostApplicationBuilder EnrichNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>Registers a shared <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:{name}</c>
    /// (abortConnect=false, so the service starts while Redis is down). Redis only carries caches, limits and
    /// deny-lists that fail open, so its outage degrades a service rather than taking it out of rotation.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        var multiplexer = ConnectionMultiplexer.Connect(options);
        builder.Services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(connectionName,
            new RedisHealthCheck(multiplexer), HealthStatus.Degraded, [Extensions.ReadyTag]));
        return builder;
    }

    /// <summary>PING when connected; Degraded at once when not. A PING on a disconnected client would wait for its
    /// timeout (5 s), longer than health probes wait, and a degraded service would be taken for a dead one.</summary>
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
