using System.Net.Http.Headers;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class ReplicatedApiCollection : ICollectionFixture<ReplicatedApiFixture>
{
    public const string Name = "replicated-api";
}

/// <summary>The AppHost model with two Api processes sharing one Redis, and per-user limits small enough to reach. The
/// per-user limit is large enough for the replicas to lease several tokens at once (a sixteenth of what is left of
/// the window: 3, then 2, then one at a time), the AI limit small enough that they never do.
/// Its tests run one after the other: some of them stop Redis.</summary>
public sealed class ReplicatedApiFixture : AppFixture
{
    public const int PerUserPerMinute = 49;
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
