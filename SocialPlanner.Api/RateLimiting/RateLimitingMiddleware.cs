using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;

namespace SocialPlanner.Api.RateLimiting;

/// <summary>The Meter <c>SocialPlanner.RateLimiting</c>: refusals by limit, and requests served unlimited because
/// Redis was unreachable.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "SocialPlanner.RateLimiting";

    private readonly Counter<long> _denials;
    private readonly Counter<long> _failOpen;

    public RateLimitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _denials = meter.CreateCounter<long>("socialplanner.ratelimit.denials", "{request}", "Requests refused with 429");
        _failOpen = meter.CreateCounter<long>("socialplanner.ratelimit.fail_open", "{request}", "Requests served unlimited while Redis was unreachable");
    }

    public void Denied(string limit) => _denials.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void FailedOpen() => _failOpen.Add(1);
}

/// <summary>Degraded (never unhealthy) while Redis fails: the Api keeps serving, only without shared limits.</summary>
public sealed class RateLimiterHealthCheck(RedisOutage redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.RecentlyFailed
            ? HealthCheckResult.Degraded("Redis is unreachable: rate limits are not enforced (failing open)")
            : HealthCheckResult.Healthy());
}

public static class RateLimitingMiddleware
{
    public static IHostApplicationBuilder AddDistributedRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RateLimitMetrics>();
        builder.Services.AddSingleton<RedisRateLimiter>();
        builder.Services.AddHealthChecks().AddCheck<RateLimiterHealthCheck>("rate-limiter", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>After authentication (limits are per user) and before authorization (a 401 is counted too, per address); every /api response gets the X-RateLimit-* headers of its
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
                ApiText.Of("RateLimit.Exceeded", decision.Reported.Limit.PerMinute, Describe(decision.Reported.Limit.Name)),
                decision.ResetsAt - now).ExecuteAsync(context);
        });

    private static async Task<RateLimitDecision?> DecideAsync(IServiceProvider services, IReadOnlyList<Limit> limits, DateTimeOffset now)
    {
        var outage = services.GetRequiredService<RedisOutage>();
        var (reached, allowed, counts) = await services.GetRequiredService<RedisRateLimiter>()
            .TakeAsync(limits, RateLimitRules.WindowNumber(now), grant => outage.TryAsync("rate limiting", grant));
        if (!reached)
        {
            services.GetRequiredService<RateLimitMetrics>().FailedOpen();
            return null;
        }
        return RateLimitRules.Decide(counts, allowed, now);
    }

    private static ApiText Describe(string limit) => ApiText.Of(limit switch
    {
        "ai" => "RateLimit.PerUserAi",
        "user" => "RateLimit.PerUser",
        "ip" => "RateLimit.PerAddress",
        _ => "RateLimit.Global",
    });
}
