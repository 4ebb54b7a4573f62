using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Ai;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class SandboxProviderCollection : ICollectionFixture<SandboxProviderFixture>
{
    public const string Name = "sandbox-provider";
}

/// <summary>The AppHost model with the Api pointed at the Sandbox's OpenAI-compatible endpoint, as primary and as
/// fallback provider (told apart by key and model). Sandbox faults hold for the whole process, so the collection's
/// tests run one after the other.</summary>
public sealed class SandboxProviderFixture : AppFixture
{
    public const string PrimaryKey = "sk-primary";
    public const string PrimaryModel = "sandbox-model";
    public const string FallbackModel = "sandbox-fallback-model";

    /// <summary>Arms a fault for the primary provider only, e.g. <c>new { times = 1, status = 503 }</c>.</summary>
    public async Task ArmPrimaryFaultAsync(int times, int? status = null, bool malformedJson = false)
    {
        using var sandbox = CreateHttpClient("sandbox");
        var fault = new { endpoint = "openai.chat", times, status, malformed_json = malformedJson, user = PrimaryKey };
        (await sandbox.PostAsJsonAsync("/sandbox/faults", fault, ApiClient.Ct)).EnsureSuccessStatusCode();
    }

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        var sandbox = builder.CreateResourceBuilder<ProjectResource>("sandbox").GetEndpoint("http");
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("ConnectionStrings__openai", () => $"Endpoint={sandbox.Url}/v1;Key={PrimaryKey};Model={PrimaryModel}")
            .WithEnvironment("ConnectionStrings__openai-fallback", () => $"Endpoint={sandbox.Url}/v1;Key=sk-fallback;Model={FallbackModel}");
    }
}
