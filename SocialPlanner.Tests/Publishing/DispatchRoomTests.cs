using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Publishing;

public sealed class DispatchRoomTests
{
    private static IReadOnlyDictionary<SocialPlatform, int> Holding(int linkedIn, int instagram) =>
        new Dictionary<SocialPlatform, int> { [SocialPlatform.Linkedin] = linkedIn, [SocialPlatform.Instagram] = instagram };

    [Fact]
    public void An_idle_dispatcher_claims_its_slots_and_the_rows_it_may_hold_ahead_per_platform()
    {
        var room = DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 10, claimAhead: 10, batchSize: 20);

        Assert.Equal(20, room[SocialPlatform.Linkedin]);
        Assert.Equal(20, room[SocialPlatform.Instagram]);
    }

    [Fact]
    public void Never_more_rows_than_free_capacity_nor_than_the_batch()
    {
        Assert.Equal(12, DispatchRoom.Of(Holding(8, 0), maxPerPlatform: 10, claimAhead: 10, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(3, DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 10, claimAhead: 10, batchSize: 3)[SocialPlatform.Linkedin]);
    }

    [Fact]
    public void A_busy_platform_refills_once_half_its_capacity_is_free_without_holding_up_the_other()
    {
        var room = DispatchRoom.Of(Holding(11, 0), maxPerPlatform: 10, claimAhead: 10, batchSize: 20);

        Assert.Equal(0, room[SocialPlatform.Linkedin]);
        Assert.Equal(20, room[SocialPlatform.Instagram]);
        // Ten held: every slot still busy, none waiting; the refill arrives before a slot is left idle.
        Assert.Equal(10, DispatchRoom.Of(Holding(10, 0), maxPerPlatform: 10, claimAhead: 10, batchSize: 20)[SocialPlatform.Linkedin]);
    }

    [Fact]
    public void Without_claiming_ahead_only_rows_that_can_start_at_once_are_claimed()
    {
        Assert.Equal(10, DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 10, claimAhead: 0, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(0, DispatchRoom.Of(Holding(6, 0), maxPerPlatform: 10, claimAhead: 0, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(5, DispatchRoom.Of(Holding(5, 0), maxPerPlatform: 10, claimAhead: 0, batchSize: 20)[SocialPlatform.Linkedin]);
    }

    [Fact]
    public void A_single_slot_platform_refills_as_soon_as_it_is_free()
    {
        Assert.Equal(1, DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 1, claimAhead: 0, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(0, DispatchRoom.Of(Holding(1, 0), maxPerPlatform: 1, claimAhead: 0, batchSize: 20)[SocialPlatform.Linkedin]);
    }
}
