using SocialPlanner.Hosting;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Small apps for testing the orchestrator itself, quicker than the whole AppHost model.</summary>
internal static class TestApps
{
    public static TimeSpan StartTimeout { get; } = TimeSpan.FromMinutes(2);

    public static IDistributedApplicationTestingBuilder PostgresAndRedis()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres").AddDatabase("socialplanner");
        builder.AddRedis("cache");
        return builder;
    }

    public static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(StartTimeout);
        return source.Token;
    }
}
