using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Calendar;
using StackExchange.Redis;

namespace SocialPlanner.Api.Calendar;

/// <summary>The calendar read is served from the Redis output cache (shared by every Api replica). Entries vary by
/// user, query and the user's <see cref="CalendarVersions"/> counter, which every writer increments after
/// committing, the Worker included: a write makes the next read miss, without the writer having to know which
/// months, time zones or replicas hold copies. The expiry only bounds what a lost increment could leave stale.</summary>
public static class CalendarCache
{
    public const string PolicyName = "calendar";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static IHostApplicationBuilder AddCalendarCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CalendarVersions>();
        services.AddOutputCache(o => o.AddPolicy(PolicyName, new CalendarCachePolicy()));
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = "output-cache:");
        services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        return builder;
    }

    /// <summary>Marks endpoints whose writes change what the calendar shows; after each such request the user's
    /// cached months are retired. Failed writes retire them too, which costs one cache miss and no correctness.</summary>
    public static TBuilder InvalidatesCalendar<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && http.User.Identity?.IsAuthenticated == true)
            {
                await http.RequestServices.GetRequiredService<CalendarVersions>().BumpAsync(http.User.UserId());
            }
            return result;
        });

    private sealed class CalendarCachePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var user = context.HttpContext.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                return;
            }
            var userId = user.UserId();
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["user"] = userId.ToString("N");
            context.CacheVaryByRules.VaryByValues["version"] =
                await context.HttpContext.RequestServices.GetRequiredService<CalendarVersions>().CurrentAsync(userId);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        /// <summary>Only a successful month is worth keeping; errors are cheap to recompute and must not stick.</summary>
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
