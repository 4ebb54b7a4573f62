using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Insights;

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit names collection definitions *Collection.")]
public sealed class InsightsCollection : ICollectionFixture<InsightsFixture>
{
    public const string Name = "insights";
}

/// <summary>An app whose Worker reads a published post's metrics at seconds of age instead of hours and days, and
/// waits only seconds after a rate limit, so a post's whole reading schedule plays out within a test. Its own app,
/// so the shared app's sandbox sees no metrics calls.</summary>
public sealed class InsightsFixture : AppFixture
{
    public static readonly TimeSpan[] ReadingAges = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)];

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        var worker = builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Insights__PollInterval", "00:00:00.500")
            .WithEnvironment("Insights__RateLimitBackoff", "00:00:02");
        for (var i = 0; i < ReadingAges.Length; i++)
        {
            worker.WithEnvironment($"Insights__ReadingAges__{i}", ReadingAges[i].ToString("c"));
        }
    }
}
