using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Http.Resilience;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Cookie authentication whose ticket points at server-side Api tokens, and the Api clients that use them.</summary>
    public static IHostApplicationBuilder AddWebSession(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Local keys suit one instance; several Web replicas must share the key ring (and the token cache), e.g. in
        // Redis, or a cookie issued by one replica cannot be read by the next.
        services.AddDataProtection().SetApplicationName("SocialPlanner.Web");
        services.AddDistributedMemoryCache();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "sp_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = WebSession.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddSingleton<SessionTokenStore>();
        services.AddSingleton<SessionRefresher>();
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, CircuitServicesActivityHandler>();
        services.AddScoped<WebSession>();
        services.AddScoped<AuthClient>();
        services.AddTransient<AccessTokenHandler>();
        services.AddTransient<AcceptLanguageHandler>();

        var api = new Uri("https+http://api");
        services.AddHttpClient(ApiHttp.UserClient, c => c.BaseAddress = api)
            .AddHttpMessageHandler<AcceptLanguageHandler>().AddHttpMessageHandler<AccessTokenHandler>();
        services.AddHttpClient(ApiHttp.AnonymousClient, c => c.BaseAddress = api).AddHttpMessageHandler<AcceptLanguageHandler>();
        // ServiceDefaults adds the standard handler to every client through ConfigureHttpClientDefaults, which names its
        // options "-standard" (no client name). Generating with AI or uploading must not run twice because an answer was
        // slow: retries only for reads, and attempts may last as long as a real model takes to write a post.
        services.Configure<HttpStandardResilienceOptions>("-standard", options =>
        {
            options.Retry.DisableForUnsafeHttpMethods();
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(90);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(3);
        });
        services.AddScoped<ApiHttp>();
        services.AddScoped<ApiErrors>();
        return builder;
    }
}
