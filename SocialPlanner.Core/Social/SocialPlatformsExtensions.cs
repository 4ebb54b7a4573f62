using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Social;

public static class SocialPlatformsExtensions
{
    private const string SandboxKey = "services:sandbox:http:0";

    /// <summary>How long one platform call may take; it sits with the publishing settings, where deployments set it.</summary>
    private const string RequestTimeoutKey = "Publishing:PlatformRequestTimeout";

    /// <summary>How long the platform clients' circuit breaker stays open once it trips (the standard handler's
    /// default, set explicitly because publishing schedules a paused publication's next attempt by it).</summary>
    public static readonly TimeSpan CircuitBreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>The platform clients (OAuth, profile, publishing calls) and the token encryption. Endpoints and credentials come from the
    /// <c>LinkedIn</c>/<c>Instagram</c> sections; whatever is unset points at the discovered sandbox (which serves
    /// both platforms' real paths on one host), so development and tests need no key, or, without a sandbox (a
    /// deployment), at the platforms' own hosts, so a deployment gives only the credentials.</summary>
    public static IServiceCollection AddSocialPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        var sandbox = configuration[SandboxKey] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null;
        services.AddOptions<LinkedInOptions>().Bind(configuration.GetSection(LinkedInOptions.Section)).PostConfigure(o =>
        {
            if (sandbox is null)
            {
                o.AuthorizeUrl ??= new Uri("https://www.linkedin.com/oauth/v2/authorization");
                o.TokenUrl ??= new Uri("https://www.linkedin.com/oauth/v2/accessToken");
                o.RevokeUrl ??= new Uri("https://www.linkedin.com/oauth/v2/revoke");
                o.ApiBaseUrl ??= new Uri("https://api.linkedin.com/");
                return;
            }
            o.ClientId ??= "sandbox-linkedin-client";
            o.ClientSecret ??= "sandbox-linkedin-secret";
            o.AuthorizeUrl ??= new Uri(sandbox, "oauth/v2/authorization");
            o.TokenUrl ??= new Uri(sandbox, "oauth/v2/accessToken");
            o.RevokeUrl ??= new Uri(sandbox, "oauth/v2/revoke");
            o.ApiBaseUrl ??= sandbox;
        });
        services.AddOptions<InstagramOptions>().Bind(configuration.GetSection(InstagramOptions.Section)).PostConfigure(o =>
        {
            if (sandbox is null)
            {
                o.AuthorizeUrl ??= new Uri("https://www.instagram.com/oauth/authorize");
                o.TokenUrl ??= new Uri("https://api.instagram.com/oauth/access_token");
                o.GraphBaseUrl ??= new Uri("https://graph.instagram.com/");
                return;
            }
            o.ClientId ??= "sandbox-instagram-client";
            o.ClientSecret ??= "sandbox-instagram-secret";
            o.AuthorizeUrl ??= new Uri(sandbox, "oauth/authorize");
            o.TokenUrl ??= new Uri(sandbox, "oauth/access_token");
            o.GraphBaseUrl ??= sandbox;
        });

        var timeout = configuration.GetValue(RequestTimeoutKey, TimeSpan.FromSeconds(20));
        // The service defaults give every client a standard handler that retries POSTs; these two replace it.
        // RemoveAllResilienceHandlers is marked experimental but is the documented way to do exactly that.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<LinkedInClient>().RemoveAllResilienceHandlers().AddStandardResilienceHandler(o => Configure(o, timeout));
        services.AddHttpClient<InstagramClient>().RemoveAllResilienceHandlers().AddStandardResilienceHandler(o => Configure(o, timeout));
#pragma warning restore EXTEXP0001

        services.AddSingleton<TokenProtector>();
        return services;
    }

    /// <summary>Safe calls (GET) keep the standard retries; unsafe ones (POST, PUT) are never repeated by the
    /// handler: a repeated publish could post twice, and the dispatcher alone decides.</summary>
    private static void Configure(HttpStandardResilienceOptions options, TimeSpan timeout)
    {
        options.Retry.DisableForUnsafeHttpMethods();
        options.AttemptTimeout.Timeout = timeout;
        options.TotalRequestTimeout.Timeout = timeout * 4;
        options.CircuitBreaker.SamplingDuration = timeout * 2;
        options.CircuitBreaker.BreakDuration = CircuitBreakDuration;
    }
}
