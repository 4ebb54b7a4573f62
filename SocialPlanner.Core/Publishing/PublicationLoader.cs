using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>A claimed publication with what publishing it needs, read for the whole claimed batch at once.
/// <see cref="Post"/> is null when the post was deleted; <see cref="Connection"/> when the account is not connected.
/// Both are untracked snapshots that several publications of one batch may share: read them, never change them.
/// <see cref="DailyLimitUntil"/>: a fresh LinkedIn send that would go beyond the member's daily post limit waits until
/// then (see <see cref="PublishingOptions.LinkedInDailyPostLimit"/>).</summary>
public sealed record PublicationWork(ClaimedPublication Claim, Post? Post, SocialConnection? Connection, DateTimeOffset? DailyLimitUntil = null);

/// <summary>Reads the posts (with their media) and the active connections of a claimed batch in two queries, instead
/// of two per publication: at a burst, per-publication reads were most of the dispatcher's database round trips. The
/// connections' query also counts each LinkedIn member's posts of the day, for their daily limit.</summary>
public sealed class PublicationLoader(AppDbContext db, TimeProvider clock, IOptions<PublishingOptions> options)
{
    public async Task<IReadOnlyList<PublicationWork>> LoadAsync(IReadOnlyList<ClaimedPublication> claims, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return [];
        }
        var postIds = claims.Select(c => c.PostId).Distinct().ToArray();
        var userIds = claims.Select(c => c.UserId).Distinct().ToArray();
        var posts = await db.Posts.AsNoTracking()
            .Include(p => p.Media.OrderBy(m => m.Order)).ThenInclude(m => m.Media)
            .Where(p => postIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        // With each LinkedIn connection, its member's posts of the last 24 hours (for the daily limit): two
        // index-only subqueries in the same round trip, not a query of their own.
        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        var accounts = await db.SocialConnections.AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && c.IsActive)
            .Select(c => new
            {
                Connection = c,
                PublishedToday = c.Platform == SocialPlatform.Linkedin
                    ? db.PostPublications.Count(p => p.UserId == c.UserId && p.Platform == SocialPlatform.Linkedin
                        && p.Status == PublicationStatus.Published && p.PublishedAt > since)
                    : 0,
                OldestToday = c.Platform == SocialPlatform.Linkedin
                    ? db.PostPublications.Where(p => p.UserId == c.UserId && p.Platform == SocialPlatform.Linkedin
                        && p.Status == PublicationStatus.Published && p.PublishedAt > since).Min(p => p.PublishedAt)
                    : null,
            })
            .ToListAsync(cancellationToken);
        var byAccount = accounts.ToLookup(a => (a.Connection.UserId, a.Connection.Platform), a => a.Connection);
        var day = accounts.Where(a => a.Connection.Platform == SocialPlatform.Linkedin)
            .DistinctBy(a => a.Connection.UserId)
            .ToDictionary(a => a.Connection.UserId, a => new LinkedInDay(a.PublishedToday, a.OldestToday));
        var limits = LinkedInDayLimits(claims, day, now);
        return [.. claims.Select(c => new PublicationWork(c, posts.GetValueOrDefault(c.PostId), byAccount[(c.UserId, c.Platform)].FirstOrDefault(),
            limits.TryGetValue(c.Id, out var until) ? until : null))];
    }

    private sealed record LinkedInDay(int Published, DateTimeOffset? Oldest);

    /// <summary>LinkedIn allows a member 100 posts a day (the spec's "Rate Limits") and has no call to ask how many are
    /// left, so the day is counted here: the member's LinkedIn posts published in the last 24 hours, then this batch's
    /// fresh sends, earliest due first. Those beyond the limit wait until the oldest of the day's posts is 24 hours old (or
    /// the quota retry interval when the batch alone is over it). Reconciliations are never held: they may already be
    /// out. Other batches' sends in flight are not counted, so the day can go over by what other dispatchers hold at
    /// that moment; LinkedIn's own 429 then backs those off.</summary>
    private Dictionary<Guid, DateTimeOffset> LinkedInDayLimits(IReadOnlyList<ClaimedPublication> claims, Dictionary<Guid, LinkedInDay> day,
        DateTimeOffset now)
    {
        // Earliest due first: the claim's rows come back in no guaranteed order.
        var fresh = claims.Where(c => c.Platform == SocialPlatform.Linkedin && !c.Reconcile)
            .OrderBy(c => c.DueAt).ThenBy(c => c.ScheduledAt).ToList();
        var limit = options.Value.LinkedInDailyPostLimit;
        if (fresh.Count == 0 || limit <= 0)
        {
            return [];
        }
        var held = new Dictionary<Guid, DateTimeOffset>();
        var taken = new Dictionary<Guid, int>();
        foreach (var claim in fresh)
        {
            var d = day.GetValueOrDefault(claim.UserId);
            var published = d?.Published ?? 0;
            var used = published + taken.GetValueOrDefault(claim.UserId);
            if (used < limit)
            {
                taken[claim.UserId] = taken.GetValueOrDefault(claim.UserId) + 1;
                continue;
            }
            // Never a time already past (a clock step): the row would be claimed and held again at once.
            held[claim.Id] = d?.Oldest is { } oldest && published >= limit && oldest.AddDays(1) > now
                ? oldest.AddDays(1)
                : now + options.Value.QuotaRetryInterval;
        }
        return held;
    }
}
