using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class FaultyPlatformsCollection : ICollectionFixture<FaultyPlatformsFixture>
{
    public const string Name = "faulty platforms";
}

/// <summary>
/// An app of its own for the tests that break the outside world: sandbox faults are process-wide, so they must not
/// reach the shared app's tests. Two workers compete for the queue, and the timeouts are short enough for a hung
/// platform call, a back-off or a dead worker's lease to play out in seconds.
/// </summary>
public sealed class FaultyPlatformsFixture : AppFixture
{
    public const int Workers = 2;
    public static readonly TimeSpan PlatformRequestTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);

    protected override void Configure(IDistributedApplicationTestingBuilder builder) => builder
        .CreateResourceBuilder<ProjectResource>("worker")
        .WithReplicas(Workers)
        .WithEnvironment("Publishing__PlatformRequestTimeout", PlatformRequestTimeout.ToString("c"))
        .WithEnvironment("Publishing__LeaseDuration", LeaseDuration.ToString("c"))
        .WithEnvironment("Publishing__RetryBaseDelay", "00:00:00.200")
        .WithEnvironment("Publishing__ReconcileDelay", "00:00:00.500")
        // PauseRaceTests publishes 120 posts of one member at once; LinkedIn's daily limit (100, LinkedInDailyLimitTests
        // on the default app) would hold the last 20 for a day.
        .WithEnvironment("Publishing__LinkedInDailyPostLimit", "0");
}
