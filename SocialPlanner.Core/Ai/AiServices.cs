using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenAI;
using SocialPlanner.Core.Ai.Composer;

namespace SocialPlanner.Core.Ai;

public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>Idea generations per user per calendar month (UTC); the spec's NFR-008.</summary>
    public int MonthlyIdeaQuota { get; set; } = 100;

    /// <summary>A user's estimated AI spend in a calendar month (UTC) above which one alert is raised (the spec's
    /// "Cost Management": $10).</summary>
    public decimal MonthlyCostAlertUsd { get; set; } = 10m;

    /// <summary>The spec's approximate price of a token (its cost-tracking query: tokens_used × 0.00001).</summary>
    public decimal UsdPerToken { get; set; } = 0.00001m;

    /// <summary>Where the Worker mails each cost alert; none when empty (the alert is still logged, counted and stored).</summary>
    public string? CostAlertEmail { get; set; }
}

public static class AiServices
{
    /// <summary>The ActivitySource of the gen_ai spans (OpenTelemetry's GenAI conventions).</summary>
    public const string SourceName = "SocialPlanner.Ai";

    /// <summary>Generation, quota and audit. The provider is <c>ConnectionStrings:openai</c> (with
    /// <c>ConnectionStrings:openai-fallback</c> for server errors), or the local composer when none is configured.</summary>
    public static IServiceCollection AddAiGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section));
        services.AddMetrics();
        services.TryAddSingleton<AiMetrics>();

        var primary = Connection(configuration, ProviderConnection.PrimaryName);
        var fallback = Connection(configuration, ProviderConnection.FallbackName);
        services.AddSingleton(new AiProviderInfo(primary?.Model ?? LocalComposerChatClient.ModelName));
        services.AddSingleton(sp => BuildChatClient(primary, fallback, ProviderPolicyChatClient.SpecBackoff,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<AiGenerator>();
        // Created per request rather than validated at build: AppDbContext comes from the host's own database
        // registration, which may be made after this one (or, in a host without a database, not at all).
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<IdeaQuota>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<AiAudit>(sp));
        return services;
    }

    /// <summary>The one chat pipeline: provider (with the error policy) → logging → gen_ai telemetry.</summary>
    public static IChatClient BuildChatClient(ProviderConnection? primary, ProviderConnection? fallback,
        IReadOnlyList<TimeSpan> backoff, TimeProvider time, ILoggerFactory loggers)
    {
        IChatClient provider = primary is null
            ? new LocalComposerChatClient()
            : new ProviderPolicyChatClient(OpenAiCompatible(primary), fallback is null ? null : OpenAiCompatible(fallback),
                backoff, time, loggers.CreateLogger<ProviderPolicyChatClient>());
        return new ChatClientBuilder(provider)
            .UseLogging(loggers)
            .UseOpenTelemetry(loggers, SourceName)
            .Build();
    }

    /// <summary>The SDK's own retries are off: the spec's policy (and its 1-2-4 s back-off) lives in
    /// <see cref="ProviderPolicyChatClient"/>, and two stacked retry loops would multiply the waits.</summary>
    private static IChatClient OpenAiCompatible(ProviderConnection connection) =>
        new OpenAIClient(new ApiKeyCredential(connection.Key), new OpenAIClientOptions
        {
            Endpoint = connection.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(100),
        }).GetChatClient(connection.Model).AsIChatClient();

    private static ProviderConnection? Connection(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value ? ProviderConnection.Parse(value) : null;
}
