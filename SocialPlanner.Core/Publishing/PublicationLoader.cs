using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>A claimed publication with what publishing it needs, read for the whole claimed batch at once.
/// <see cref="Post"/> is null when the post was deleted; <see cref="Connection"/> when the account is not connected.
/// Both are untracked snapshots that several publications of one batch may share: read them, never change them.</summary>
public sealed record PublicationWork(ClaimedPublication Claim, Post? Post, SocialConnection? Connection);

/// <summary>Reads the posts (with their media) and the active connections of a claimed batch in two queries, instead
/// of two per publication: at a burst, per-publication reads were most of the dispatcher's database round trips.</summary>
public sealed class PublicationLoader(AppDbContext db)
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
        var connections = await db.SocialConnections.AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && c.IsActive)
            .ToListAsync(cancellationToken);
        var byAccount = connections.ToLookup(c => (c.UserId, c.Platform));
        return [.. claims.Select(c => new PublicationWork(c, posts.GetValueOrDefault(c.PostId), byAccount[(c.UserId, c.Platform)].FirstOrDefault()))];
    }
}
