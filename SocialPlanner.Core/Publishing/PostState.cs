using SocialPlanner.Core.Posts;

namespace SocialPlanner.Core.Publishing;

/// <summary>The post's combined state, derived from its publications.</summary>
public sealed record PostState(PostStatus Status, DateTimeOffset? PublishedAt, string? ErrorMessage)
{
    /// <summary>What a post shows given its live (non-cancelled) publications: failed as soon as one failed for good,
    /// published when all are, scheduled while any is still under way.</summary>
    public static PostState Combine(IReadOnlyCollection<PublicationSnapshot> publications)
    {
        var live = publications.Where(p => p.Status != PublicationStatus.Cancelled).ToList();
        if (live.Count == 0)
        {
            return new(PostStatus.Draft, null, null);
        }

        var failed = live.Where(p => p.Status == PublicationStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var message = string.Join(" ", failed.OrderBy(p => p.Platform).Select(p => $"{PlatformName(p.Platform)}: {p.ErrorMessage}"));
            var publishedAt = live.Where(p => p.Status == PublicationStatus.Published).Max(p => p.PublishedAt);
            return new(PostStatus.Failed, publishedAt, message);
        }

        if (live.All(p => p.Status == PublicationStatus.Published))
        {
            return new(PostStatus.Published, live.Max(p => p.PublishedAt), null);
        }

        return new(PostStatus.Scheduled, null, null);
    }

    public static string PlatformName(Social.SocialPlatform platform) => platform switch
    {
        Social.SocialPlatform.Linkedin => "LinkedIn",
        Social.SocialPlatform.Instagram => "Instagram",
        _ => platform.ToString(),
    };
}

/// <summary>The columns of a publication that decide its post's state.</summary>
public sealed record PublicationSnapshot(
    Social.SocialPlatform Platform, PublicationStatus Status, DateTimeOffset? PublishedAt, string? ErrorMessage);
