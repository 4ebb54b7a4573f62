using Microsoft.Extensions.Time.Testing;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Tests.Publishing;

public sealed class DispatcherLivenessTests
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_dispatcher_that_never_ticked_is_unhealthy() =>
        Assert.Contains("not started", DispatcherLiveness.Problem(null, DateTimeOffset.UtcNow, IdleWait));

    [Fact]
    public void A_dispatcher_is_healthy_while_it_ticks_and_unhealthy_once_its_loop_stops()
    {
        var clock = new FakeTimeProvider();
        var lastBeat = clock.GetUtcNow();

        clock.Advance(DispatcherLiveness.Allowed(IdleWait));
        Assert.Null(DispatcherLiveness.Problem(lastBeat, clock.GetUtcNow(), IdleWait));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("last ticked 71 s ago", DispatcherLiveness.Problem(lastBeat, clock.GetUtcNow(), IdleWait));
    }
}
