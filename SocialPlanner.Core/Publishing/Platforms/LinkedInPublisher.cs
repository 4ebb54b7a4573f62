using SocialPlanner.Core.Media;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Posts to a member's feed. LinkedIn lets ordinary apps write but not list a member's posts, so
/// reconciliation is a re-send of the identical post: LinkedIn answers 422 DUPLICATE_POST naming the post that
/// already exists, which we record; a 201 means the first attempt never landed.</summary>
/// <remarks><paramref name="media"/> is optional so text posts work on a host without a media store; a post with
/// images then fails with a clear reason instead of the host failing to start.</remarks>
public sealed class LinkedInPublisher(LinkedInClient client, IMediaLinks? media = null) : IPlatformPublisher
{
    public SocialPlatform Platform => SocialPlatform.Linkedin;

    public async Task<Preparation> PrepareAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var author = LinkedInClient.PersonUrn(request.ProfileId);
        var images = new List<LinkedInImage>();
        if (request.Images.Count > 0 && media is null)
        {
            return new PublishOutcome.NotSent(PublishingStrings.Failure("NoMediaStore"), false);
        }
        try
        {
            foreach (var image in request.Images)
            {
                await using var content = await media!.OpenReadAsync(image, cancellationToken);
                images.Add(new LinkedInImage(await client.UploadImageAsync(request.AccessToken, author, content, cancellationToken), image.AltText));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return LinkedInErrors.ClassifyPreparationFailure(e);
        }

        // A row an earlier attempt already sent (retried after it failed, perhaps unconfirmed) may be out: LinkedIn's
        // duplicate answer then names it.
        return new PostSend(images, EarlierSend: request.SendingAt is not null);
    }

    /// <summary>LinkedIn cannot be asked whether the earlier attempt landed: the identical post is sent again, and a
    /// DUPLICATE_POST answer to it is the earlier attempt's post.</summary>
    public async Task<Preparation> PrepareReconcileAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var preparation = await PrepareAsync(request, cancellationToken);
        return preparation switch
        {
            Preparation.Ready { Send: PostSend send } => send with { Reconciling = true },
            Preparation.Finished { Outcome: var outcome } => StillMaybeOut(outcome),
            _ => preparation,
        };
    }

    /// <summary>A reconciliation whose own calls failed learned nothing about the earlier send, which may be out: it
    /// stays a reconciliation (retried as one while attempts remain) or ends unconfirmed, never a fresh send, whose
    /// DUPLICATE_POST answer would refuse this very post as an earlier one.</summary>
    private static PublishOutcome StillMaybeOut(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.NotSent { Transient: true } n => new PublishOutcome.Ambiguous(n.Reason, n.RetryAfter),
        PublishOutcome.NotSent n => new PublishOutcome.Unconfirmed(n.Reason),
        _ => outcome,
    };

    public async Task<PublishOutcome> SendAsync(PublishRequest request, PreparedSend send, CancellationToken cancellationToken)
    {
        var post = (PostSend)send;
        try
        {
            var commentary = LittleText.Commentary(request.Post.Content, request.Post.Hashtags);
            var urn = await client.CreatePostAsync(request.AccessToken, LinkedInClient.PersonUrn(request.ProfileId), commentary,
                post.Images, cancellationToken);
            return new PublishOutcome.Published(urn, LinkedInErrors.PostUrl(urn));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var outcome = LinkedInErrors.ClassifyPostFailure(e, maybeOut: post.Reconciling || post.EarlierSend, request.CouldBeThisPost);
            return post.Reconciling ? StillMaybeOut(outcome) : outcome;
        }
    }

    /// <summary>The uploaded images, in order; LinkedIn needs no handle to reconcile. <paramref name="Reconciling"/>:
    /// this send repeats one that may already have published; <paramref name="EarlierSend"/>: an earlier attempt of
    /// this row (before it failed and was retried) sent it.</summary>
    private sealed record PostSend(IReadOnlyList<LinkedInImage> Images, bool Reconciling = false, bool EarlierSend = false)
        : PreparedSend(Handle: null);
}
