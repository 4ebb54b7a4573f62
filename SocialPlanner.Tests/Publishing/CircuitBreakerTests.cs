using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.LinkedIn;
using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Issue #12: a call our own circuit breaker refuses never reached the platform, so it must not spend one of
/// the publication's attempts. Through the clients' real resilience pipeline, tripped by a platform answering 503.</summary>
public sealed class CircuitBreakerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_publish_the_open_circuit_refuses_waits_for_the_breaker_without_spending_an_attempt()
    {
        var platform = new CountingPlatform();
        await using var services = Services(platform);
        var publisher = new LinkedInPublisher(services.GetRequiredService<LinkedInClient>());

        // The standard breaker opens after enough failed calls in its sampling window.
        PublishOutcome outcome;
        var calls = 0;
        do
        {
            outcome = await publisher.PrepareAsync(Request(), Ct) is Preparation.Ready { Send: var send }
                ? await publisher.SendAsync(Request(), send, Ct)
                : throw new InvalidOperationException("A text post needs no preparation that can fail.");
            calls++;
        }
        while (outcome is not PublishOutcome.Paused && calls < 500);

        var paused = Assert.IsType<PublishOutcome.Paused>(outcome);
        Assert.Equal(calls - 1, platform.Requests); // the refused call never left us
        Assert.Equal(TransportFailures.BreakDuration, paused.RetryAfter);

        var now = DateTimeOffset.UtcNow;
        var change = PublicationRules.Decide(paused, 2, null, now, new PublishingOptions())!;
        Assert.Equal(PublicationStatus.Pending, change.Status);
        Assert.Equal(2, change.Attempts);
        Assert.Equal(now + TransportFailures.BreakDuration, change.DueAt);
        Assert.Null(change.NoticeDueAt);
    }

    [Fact]
    public void A_paused_reconciliation_stays_a_reconciliation()
    {
        var now = DateTimeOffset.UtcNow;
        var change = PublicationRules.Decide(new PublishOutcome.Paused(Sentence.Verbatim("paused"), TimeSpan.FromSeconds(5)), 1, "container-9", now,
            new PublishingOptions(), reconciling: true)!;

        Assert.Equal(PublicationStatus.Sending, change.Status);
        Assert.Equal(1, change.Attempts);
        Assert.Equal("container-9", change.ExternalId);
    }

    private static PublishRequest Request() => new(
        new Post { UserId = Guid.NewGuid(), Platform = PostPlatform.Linkedin, Content = "Bonjour" }, [], "token", "member-1",
        null, null);

    private static ServiceProvider Services(HttpMessageHandler platform)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:sandbox:http:0"] = "http://platform.test/",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddSocialPlatforms(configuration);
        services.AddHttpClient<LinkedInClient>().ConfigurePrimaryHttpMessageHandler(() => platform);
        return services.BuildServiceProvider();
    }

    /// <summary>A platform that is down: every request is answered 503.</summary>
    private sealed class CountingPlatform : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StringContent("""{"message":"down"}"""),
            });
        }
    }
}
