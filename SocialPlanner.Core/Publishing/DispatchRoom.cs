using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>How many rows a dispatcher claims per platform, given what it already holds (running or waiting for a slot).</summary>
public static class DispatchRoom
{
    /// <summary>A platform may hold its running slots plus <paramref name="claimAhead"/> rows claimed ahead, which start
    /// the moment a slot frees instead of after a claim round trip. It refills, up to the batch size, once half of that
    /// capacity is free: a burst then costs one claim and one batch read per several publications, while the rows held
    /// ahead keep every slot busy. At ordinary load nothing is held, so nothing due waits for this.</summary>
    public static IReadOnlyDictionary<SocialPlatform, int> Of(
        IReadOnlyDictionary<SocialPlatform, int> held, int maxPerPlatform, int claimAhead, int batchSize)
    {
        var capacity = maxPerPlatform + claimAhead;
        var refillAt = Math.Max(1, capacity / 2);
        return Enum.GetValues<SocialPlatform>().ToDictionary(p => p, p =>
        {
            var free = capacity - held.GetValueOrDefault(p);
            return free >= refillAt ? Math.Min(free, batchSize) : 0;
        });
    }
}
