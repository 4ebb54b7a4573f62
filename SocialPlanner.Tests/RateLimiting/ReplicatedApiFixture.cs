using System.Net.Http.Headers;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class ReplicatedApiCollection : ICollectionFixture<ReplicatedApiFixture>
{
    public const string Name = "replicated-api";
}

/// <summary>The AppHost model with two Api processes sharing one Redis, and per-user limits small enough to reach.
/// Its tests run one after the other: some of them stop Redis.</summary>
public sealed class ReplicatedApiFixture : AppFixture
{
    public const int PerUserPerMinute = 11;
    public const int AiPerUserPerMinute = 4;

    /// <summary>Calls the Api as <paramref name="user"/> through replica <paramref name="instance"/>.</summary>
    public HttpClient ReplicaClient(TestUser user, int instance)
    {
        var client = new HttpClient { BaseAddress = GetReplicaEndpoint("api", instance) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithReplicas(2)
            .WithEnvironment("RateLimiting__PerUserPerMinute", PerUserPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__AiPerUserPerMinute", AiPerUserPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
