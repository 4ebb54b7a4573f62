using Microsoft.AspNetCore.OutputCaching;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Calendar;

namespace SocialPlanner.Api.Calendar;

/// <summary>The user's calendar version as read for this request with its token's deny-list check; null when Redis
/// could not be reached then.</summary>
public sealed record CalendarVersionRead(string? Version);

/// <summary>The calendar read is served from each Api replica's in-memory output cache. Entries vary by user, query and
/// the user's <see cref="CalendarVersions"/> counter in Redis, which every writer increments after committing, the
/// Worker included: a write makes the next read miss on every replica, without the writer having to know which months,
/// time zones or replicas hold copies. An entry never changes once written (a new version is a new key), so a copy per
/// replica is as fresh as a shared one; keeping it in memory saves a Redis round trip and the body's transfer on every
/// hit (docs/performance.md). The expiry only bounds what a lost increment could leave stale.</summary>
public static class CalendarCache
{
    public const string PolicyName = "calendar";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static IHostApplicationBuilder AddCalendarCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CalendarVersions>();
        services.AddOutputCache(o => o.AddPolicy(PolicyName, new CalendarCachePolicy()));
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
            // Read with the token's deny-list check (one Redis round trip for both); asked here only for a request
            // authenticated some other way.
            var (reached, version) = context.HttpContext.Features.Get<CalendarVersionRead>() is { } read
                ? (read.Version is not null, read.Version ?? "")
                : await context.HttpContext.RequestServices.GetRequiredService<RedisOutage>()
                    .TryAsync("the calendar cache", db => CalendarVersions.CurrentAsync(db, userId));
            if (!reached)
            {
                // Without the version a cached month could be stale: serve it from Postgres, and keep nothing.
                return;
            }
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["user"] = userId.ToString("N");
            context.CacheVaryByRules.VaryByValues["version"] = version;
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
