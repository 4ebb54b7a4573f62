using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using StackExchange.Redis;

namespace SocialPlanner.Api.RateLimiting;

/// <summary>The Meter <c>SocialPlanner.RateLimiting</c>: refusals by limit, and requests served unlimited because
/// Redis was unreachable.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "SocialPlanner.RateLimiting";

    private readonly Counter<long> denials;
    private readonly Counter<long> failOpen;

    public RateLimitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        denials = meter.CreateCounter<long>("socialplanner.ratelimit.denials", "{request}", "Requests refused with 429");
        failOpen = meter.CreateCounter<long>("socialplanner.ratelimit.fail_open", "{request}", "Requests served unlimited while Redis was unreachable");
    }

    public void Denied(string limit) => denials.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void FailedOpen() => failOpen.Add(1);
}

/// <summary>Remembers when Redis last failed, so the warning is logged at most once per interval and the health
/// check can say the limiter is degraded.</summary>
public sealed class RateLimiterState(TimeProvider time)
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private long lastFailureTicks;
    private long lastWarningTicks;

    public bool RecentlyFailed => time.GetUtcNow().UtcTicks - Interlocked.Read(ref lastFailureTicks) < WarningInterval.Ticks;

    /// <summary>Records the failure; true when this one should be logged.</summary>
    public bool Failed()
    {
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref lastFailureTicks, now);
        var last = Interlocked.Read(ref lastWarningTicks);
        return now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref lastWarningTicks, now, last) == last;
    }
}

/// <summary>Degraded (never unhealthy) while Redis fails: the Api keeps serving, only without shared limits.</summary>
public sealed class RateLimiterHealthCheck(RateLimiterState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.RecentlyFailed
            ? HealthCheckResult.Degraded("Redis is unreachable: rate limits are not enforced (failing open)")
            : HealthCheckResult.Healthy());
}

public static partial class RateLimitingMiddleware
{
    public static IHostApplicationBuilder AddDistributedRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RateLimitMetrics>();
        builder.Services.AddSingleton<RateLimiterState>();
        builder.Services.AddHealthChecks().AddCheck<RateLimiterHealthCheck>("rate-limiter", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>After authentication (limits are per user); every /api response gets the X-RateLimit-* headers of its
    /// most restrictive limit. If Redis cannot be reached the request is served anyway (fail open).</summary>
    public static IApplicationBuilder UseDistributedRateLimiting(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!RateLimitRules.Applies(context.Request.Path))
            {
                await next(context);
                return;
            }
            var services = context.RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var options = services.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
            Guid? userId = context.User.Identity?.IsAuthenticated == true ? context.User.UserId() : null;
            var limits = RateLimitRules.For(options, context.Request.Path, userId, context.Connection.RemoteIpAddress?.ToString(), now);

            var decision = await DecideAsync(services, limits, now);
            if (decision is null)
            {
                await next(context);
                return;
            }
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = decision.Reported.Limit.PerMinute.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = decision.Reported.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = decision.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (decision.Allowed)
            {
                await next(context);
                return;
            }
            services.GetRequiredService<RateLimitMetrics>().Denied(decision.Reported.Limit.Name);
            await ApiProblem.TooManyRequests(
                $"Rate limit exceeded: {decision.Reported.Limit.PerMinute} requests per minute ({Describe(decision.Reported.Limit.Name)})",
                decision.ResetsAt - now).ExecuteAsync(context);
        });

    private static async Task<RateLimitDecision?> DecideAsync(IServiceProvider services, IReadOnlyList<Limit> limits, DateTimeOffset now)
    {
        // The multiplexer is the one the host registers for "cache". Without one, or while it is disconnected, we
        // fail open at once rather than make every request wait for a connect timeout.
        var redis = services.GetService<IConnectionMultiplexer>();
        if (redis is not { IsConnected: true })
        {
            FailOpen(services, redis is null ? "no Redis connection is registered" : "not connected");
            return null;
        }
        try
        {
            var (allowed, counts) = await new RedisRateLimiter(redis).CountAsync(limits);
            return RateLimitRules.Decide(counts, allowed, now);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            FailOpen(services, e.Message);
            return null;
        }
    }

    private static void FailOpen(IServiceProvider services, string reason)
    {
        services.GetRequiredService<RateLimitMetrics>().FailedOpen();
        if (services.GetRequiredService<RateLimiterState>().Failed())
        {
            LogFailOpen(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingMiddleware)), reason);
        }
    }

    private static string Describe(string limit) => limit switch
    {
        "ai" => "AI generation, per user",
        "user" => "per user",
        "ip" => "per client address",
        _ => "all clients together",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting is failing open: Redis is unreachable ({Reason})")]
    private static partial void LogFailOpen(ILogger logger, string reason);
}
