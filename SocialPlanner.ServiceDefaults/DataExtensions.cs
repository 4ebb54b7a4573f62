using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
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
    /// <summary>Registers a pooled Npgsql <see cref="DbContext"/> from <c>ConnectionStrings:{name}</c>, with a
    /// readiness health check and Npgsql tracing.</summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDataSourceBuilder>? configureDataSource = null,
        Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null,
        Action<IServiceProvider, DbContextOptionsBuilder>? configureOptions = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        configureDataSource?.Invoke(dataSourceBuilder);
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(dataSource);

        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            options.UseNpgsql(dataSource, npgsql => configureNpgsql?.Invoke(npgsql));
            configureOptions?.Invoke(sp, options);
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddNpgsql());
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
        builder.Services.AddHealthChecks().AddRedis(multiplexer, connectionName, failureStatus: HealthStatus.Degraded, tags: [Extensions.ReadyTag]);
        return builder;
    }
}
