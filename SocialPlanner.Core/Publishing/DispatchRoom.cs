using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>How many rows a dispatcher claims per platform, given what it already has in flight.</summary>
public static class DispatchRoom
{
    /// <summary>A platform's free slots, up to the batch size, once at least half its slots are free; otherwise none.
    /// Claiming only rows that can start at once keeps leases off rows that would sit waiting for a slot (another
    /// dispatcher may have one free); refilling by halves rather than slot by slot keeps a burst from costing a claim
    /// and a batch read per publication. At ordinary load every slot is free, so nothing due waits for this.</summary>
    public static IReadOnlyDictionary<SocialPlatform, int> Of(
        IReadOnlyDictionary<SocialPlatform, int> inFlight, int maxPerPlatform, int batchSize)
    {
        var refillAt = (maxPerPlatform + 1) / 2;
        return Enum.GetValues<SocialPlatform>().ToDictionary(p => p, p =>
        {
            var free = maxPerPlatform - inFlight.GetValueOrDefault(p);
            return free >= refillAt ? Math.Min(free, batchSize) : 0;
        });
    }
}
