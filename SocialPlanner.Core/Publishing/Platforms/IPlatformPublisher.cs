using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Publishes one post to one platform in two phases. Preparing does everything that cannot create the post
/// (uploads, containers, checks); sending is the one request that can. Between them the caller records "being sent"
/// under its lease, so a publisher never touches the queue and a lost lease stops the attempt before anything goes out.</summary>
public interface IPlatformPublisher
{
    SocialPlatform Platform { get; }

    /// <summary>Phase one of a fresh attempt: a send ready to go, or why there is none (a final outcome).</summary>
    Task<Preparation> PrepareAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>Phase one of a re-claimed attempt that may already have published: what the platform says happened, or
    /// the send still to make where it provably did not publish.</summary>
    Task<Preparation> PrepareReconcileAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>Phase two, called only after "being sent" (with <see cref="PreparedSend.Handle"/>) was recorded.</summary>
    Task<PublishOutcome> SendAsync(PublishRequest request, PreparedSend send, CancellationToken cancellationToken);
}

/// <summary>What phase one ended with: a send ready to make, or the attempt's outcome without one.</summary>
public abstract record Preparation
{
    private Preparation() { }

    public sealed record Ready(PreparedSend Send) : Preparation;

    public sealed record Finished(PublishOutcome Outcome) : Preparation;

    public static implicit operator Preparation(PreparedSend send) => new Ready(send);

    public static implicit operator Preparation(PublishOutcome outcome) => new Finished(outcome);
}

/// <summary>A publisher's own record of a prepared send. <paramref name="Handle"/> is recorded with "being sent" so a
/// later attempt can reconcile from it (an Instagram container id); null when the platform needs none.</summary>
public abstract record PreparedSend(string? Handle);

/// <summary>Everything a publisher needs about one publication.</summary>
/// <param name="PlatformHandle">What an earlier attempt recorded for reconciliation (an Instagram container id).</param>
/// <param name="SendingAt">When an earlier attempt started sending; bounds the search for its result.</param>
/// <param name="OtherPosts">When the row was sent before: the platform ids of the user's other posts there. An earlier
/// send's result is never one of them, however much it looks like it (the same text, a duplicate answer naming it).</param>
public sealed record PublishRequest(
    Post Post,
    IReadOnlyList<MediaItem> Images,
    string AccessToken,
    string ProfileId,
    string? PlatformHandle,
    DateTimeOffset? SendingAt,
    IReadOnlySet<string>? OtherPosts = null)
{
    /// <summary>Whether <paramref name="externalId"/> can be this publication's post: not another post's.</summary>
    public bool CouldBeThisPost(string externalId) => OtherPosts is null || !OtherPosts.Contains(externalId);
}
