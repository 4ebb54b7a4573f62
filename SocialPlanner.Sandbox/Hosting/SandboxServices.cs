using System.Text.Json;

using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Mail;
using SocialPlanner.Sandbox.OAuth;
using SocialPlanner.Sandbox.Published;

namespace SocialPlanner.Sandbox.Hosting;

public static class SandboxServices
{
    public static WebApplicationBuilder AddSandboxCore(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.Section));
        builder.Services.AddSingleton<SandboxUrls>();
        // Sandbox APIs, OAuth token responses, Graph and OpenAI all speak snake_case; LinkedIn REST opts out explicitly.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddResettable<FaultBook>();
        builder.Services.AddResettable<CallStats>();
        builder.Services.AddResettable<AuthorizationCodes>();
        builder.Services.AddResettable<PublishedLedger>();
        return builder;
    }

    public static WebApplicationBuilder AddMailCatcher(this WebApplicationBuilder builder)
    {
        builder.Services.AddResettable<MailStore>();
        builder.Services.AddHostedService<SmtpReceiver>();
        return builder;
    }

    /// <summary>Registers a state store once, both as itself and as something <c>/sandbox/reset</c> clears.</summary>
    public static IServiceCollection AddResettable<T>(this IServiceCollection services)
        where T : class, IResettable
    {
        services.AddSingleton<T>();
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
