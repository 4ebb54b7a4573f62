using System.Collections.Concurrent;

namespace SocialPlanner.Web.Features.Ideas;

/// <summary>
/// The last AI allowance the Api reported for each user (it comes in the <c>meta</c> of every idea generation; the Api
/// has no endpoint that reads it without spending one), so the home page can show it. Kept per Web instance: after a
/// restart, or on another replica, it is unknown until the next generation.
/// </summary>
public sealed class AiQuotaMemory(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AiQuota> _latest = new();

    public void Remember(string userId, AiQuota quota) => _latest[userId] = quota;

    /// <summary>The allowance as last reported, or null when unknown or when the month it described has ended.</summary>
    public AiQuota? For(string userId) =>
        _latest.TryGetValue(userId, out var quota) && (quota.QuotaResetsAt is not { } resets || resets > clock.GetUtcNow()) ? quota : null;
}
