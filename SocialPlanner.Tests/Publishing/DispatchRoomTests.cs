using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Publishing;

public sealed class DispatchRoomTests
{
    private static IReadOnlyDictionary<SocialPlatform, int> Holding(int linkedIn, int instagram) =>
        new Dictionary<SocialPlatform, int> { [SocialPlatform.Linkedin] = linkedIn, [SocialPlatform.Instagram] = instagram };

    [Fact]
    public void An_idle_dispatcher_claims_a_full_batch_per_platform()
    {
        var room = DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 10, batchSize: 20);

        Assert.Equal(10, room[SocialPlatform.Linkedin]);
        Assert.Equal(10, room[SocialPlatform.Instagram]);
    }

    [Fact]
    public void Never_more_rows_than_free_slots_nor_than_the_batch()
    {
        Assert.Equal(6, DispatchRoom.Of(Holding(4, 0), maxPerPlatform: 10, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(3, DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 10, batchSize: 3)[SocialPlatform.Linkedin]);
    }

    [Fact]
    public void A_busy_platform_waits_until_half_its_slots_are_free_without_holding_up_the_other()
    {
        var room = DispatchRoom.Of(Holding(6, 0), maxPerPlatform: 10, batchSize: 20);

        Assert.Equal(0, room[SocialPlatform.Linkedin]);
        Assert.Equal(10, room[SocialPlatform.Instagram]);
        Assert.Equal(5, DispatchRoom.Of(Holding(5, 0), maxPerPlatform: 10, batchSize: 20)[SocialPlatform.Linkedin]);
    }

    [Fact]
    public void A_single_slot_platform_refills_as_soon_as_it_is_free()
    {
        Assert.Equal(1, DispatchRoom.Of(Holding(0, 0), maxPerPlatform: 1, batchSize: 20)[SocialPlatform.Linkedin]);
        Assert.Equal(0, DispatchRoom.Of(Holding(1, 0), maxPerPlatform: 1, batchSize: 20)[SocialPlatform.Linkedin]);
    }
}
