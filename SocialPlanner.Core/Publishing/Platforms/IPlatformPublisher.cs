using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Publishes one post to one platform. Implementations call <see cref="PublishRequest.MarkSendingAsync"/>
/// immediately before the request that creates the post, and stop if it returns false.</summary>
public interface IPlatformPublisher
{
    SocialPlatform Platform { get; }

    Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>A previous attempt may have published: find out, and finish the job only where it provably did not.</summary>
    Task<PublishOutcome> ReconcileAsync(PublishRequest request, CancellationToken cancellationToken);
}

/// <summary>Everything a publisher needs about one publication.</summary>
/// <param name="PlatformHandle">What an earlier attempt recorded for reconciliation (an Instagram container id).</param>
/// <param name="SendingAt">When an earlier attempt started sending; bounds the search for its result.</param>
/// <param name="MarkSendingAsync">Records "being sent" (with an optional new handle); false when our lease is gone.</param>
public sealed record PublishRequest(
    Post Post,
    IReadOnlyList<MediaItem> Images,
    string AccessToken,
    string ProfileId,
    string? PlatformHandle,
    DateTimeOffset? SendingAt,
    Func<string?, CancellationToken, Task<bool>> MarkSendingAsync);
