using Microsoft.Extensions.Options;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;

namespace SocialPlanner.Core.Publishing.Platforms;

/// <summary>Container → status → <c>media_publish</c>. The container id is recorded with "being sent", so an
/// ambiguous publish is reconciled from the container's status and the account's recent media (platform-apis §2.8).</summary>
/// <remarks><paramref name="media"/> is optional so the host starts without a media store; Instagram posts then fail
/// with a clear reason.</remarks>
public sealed class InstagramPublisher(
    InstagramClient client, IOptions<InstagramOptions> instagramOptions,
    IOptions<PublishingOptions> publishingOptions, TimeProvider clock, IMediaLinks? media = null) : IPlatformPublisher
{
    /// <summary>Instagram fetches the image while creating the container; the link only has to outlive that.</summary>
    private static readonly TimeSpan ImageLinkLifetime = TimeSpan.FromHours(1);
    private const int RecentMediaToSearch = 25;

    public SocialPlatform Platform => SocialPlatform.Instagram;

    public async Task<Preparation> PrepareAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.Images.Count == 0)
        {
            return new PublishOutcome.NotSent(PublishingStrings.Failure("InstagramNeedsImage"), false);
        }
        if (media is null)
        {
            return new PublishOutcome.NotSent(PublishingStrings.Failure("NoMediaStore"), false);
        }

        string container;
        var carouselItems = new List<string>();
        try
        {
            var limit = await client.GetPublishingLimitAsync(request.ProfileId, request.AccessToken, cancellationToken);
            if (limit.Usage >= limit.Total)
            {
                return new PublishOutcome.QuotaExhausted(clock.GetUtcNow() + publishingOptions.Value.QuotaRetryInterval);
            }

            container = await CreateContainerAsync(request, carouselItems, cancellationToken);
            if (await WaitUntilReadyAsync(container, request.AccessToken, cancellationToken) is { } notReady)
            {
                return notReady;
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var outcome = InstagramErrors.ClassifyPreparation(e, clock.GetUtcNow(), publishingOptions.Value.QuotaRetryInterval);
            // The user needs to know which image of a carousel Instagram refused.
            return outcome is PublishOutcome.NotSent { Transient: false } refused && request.Images.Count > 1 && carouselItems.Count < request.Images.Count
                ? refused with { Reason = PublishingStrings.Failure("CarouselImage", carouselItems.Count + 1, request.Images.Count, refused.Reason) }
                : outcome;
        }

        return new ContainerSend(container);
    }

    public async Task<Preparation> PrepareReconcileAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.PlatformHandle is not { } container)
            {
                return await FindPublishedAsync(request, cancellationToken) is { } found
                    ? found
                    : new PublishOutcome.Unconfirmed(PublishingStrings.Failure("NoContainerFound"));
            }

            switch (await client.GetContainerStatusAsync(container, request.AccessToken, cancellationToken))
            {
                case "PUBLISHED":
                    return await FindPublishedAsync(request, cancellationToken) ?? new PublishOutcome.Published(null, null);
                case "FINISHED":
                    return new ContainerSend(container);
                case "IN_PROGRESS":
                    return await WaitUntilReadyAsync(container, request.AccessToken, cancellationToken) is { } notReady
                        ? notReady
                        : new ContainerSend(container);
                default:
                    return new PublishOutcome.NotSent(PublishingStrings.Failure("ContainerFailedOrExpired"), true);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return TransportFailures.Paused(e, "Instagram")
                ?? new PublishOutcome.Ambiguous(PublishingStrings.Failure("CouldNotAskEarlierAttempt", e.Message));
        }
    }

    /// <summary>One image's container, or a carousel: an item container per image in order (collected in
    /// <paramref name="carouselItems"/>, so a failure names the image), then the <c>CAROUSEL</c> container over them.
    /// Items are harmless to create again; only <c>media_publish</c> publishes.</summary>
    private async Task<string> CreateContainerAsync(PublishRequest request, List<string> carouselItems, CancellationToken cancellationToken)
    {
        var caption = PlatformRules.PublishedText(request.Post.Content, request.Post.Hashtags);
        if (request.Images.Count == 1)
        {
            var image = request.Images[0];
            return await client.CreateImageContainerAsync(request.ProfileId, request.AccessToken,
                media!.PublicUrl(image, ImageLinkLifetime), caption, image.AltText, isCarouselItem: false, cancellationToken);
        }

        foreach (var image in request.Images)
        {
            carouselItems.Add(await client.CreateImageContainerAsync(request.ProfileId, request.AccessToken,
                media!.PublicUrl(image, ImageLinkLifetime), caption: null, image.AltText, isCarouselItem: true, cancellationToken));
        }
        return await client.CreateCarouselContainerAsync(request.ProfileId, request.AccessToken, carouselItems, caption, cancellationToken);
    }

    /// <summary>Null when the container is ready to publish; otherwise why it cannot be.</summary>
    private async Task<PublishOutcome?> WaitUntilReadyAsync(string container, string accessToken, CancellationToken cancellationToken)
    {
        var options = instagramOptions.Value;
        for (var poll = 0; poll < options.ContainerPollLimit; poll++)
        {
            switch (await client.GetContainerStatusAsync(container, accessToken, cancellationToken))
            {
                case "FINISHED":
                    return null;
                case "IN_PROGRESS":
                    await Task.Delay(options.ContainerPollInterval, clock, cancellationToken);
                    break;
                case "EXPIRED":
                    return new PublishOutcome.NotSent(PublishingStrings.Failure("ContainerExpired"), true);
                case var status:
                    return new PublishOutcome.NotSent(PublishingStrings.Failure("CouldNotProcessMedia", status), false);
            }
        }
        return new PublishOutcome.NotSent(PublishingStrings.Failure("StillProcessing"), true);
    }

    public async Task<PublishOutcome> SendAsync(PublishRequest request, PreparedSend send, CancellationToken cancellationToken)
    {
        string mediaId;
        try
        {
            mediaId = await client.PublishContainerAsync(request.ProfileId, request.AccessToken, ((ContainerSend)send).Container, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return InstagramErrors.ClassifyPublish(e, clock.GetUtcNow(), publishingOptions.Value.QuotaRetryInterval);
        }

        return new PublishOutcome.Published(mediaId, await PermalinkOrNullAsync(mediaId, request.AccessToken, cancellationToken));
    }

    /// <summary>The post exists either way; a missing permalink must not turn a success into a failure.</summary>
    private async Task<string?> PermalinkOrNullAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetPermalinkAsync(mediaId, accessToken, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or GraphApiException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return null;
        }
    }

    private async Task<PublishOutcome.Published?> FindPublishedAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var recent = await client.ListRecentMediaAsync(request.ProfileId, request.AccessToken, RecentMediaToSearch, cancellationToken);
        var caption = PlatformRules.PublishedText(request.Post.Content, request.Post.Hashtags);
        var match = InstagramReconciliation.FindMatch(recent.Where(m => request.CouldBeThisPost(m.Id)), caption,
            request.SendingAt ?? clock.GetUtcNow(), instagramOptions.Value.ReconcileWindow);
        return match is null ? null : new PublishOutcome.Published(match.Id, match.Permalink);
    }

    /// <summary>A container ready to publish; its id is the handle a later attempt reconciles from.</summary>
    private sealed record ContainerSend(string Container) : PreparedSend(Container);
}

public static class InstagramReconciliation
{
    /// <summary>The listed media item that is our post: same caption, published within the window around the send.</summary>
    public static InstagramMedia? FindMatch(IEnumerable<InstagramMedia> recent, string caption, DateTimeOffset sentAt, TimeSpan window) =>
        recent.FirstOrDefault(m =>
            string.Equals(m.Caption?.Trim(), caption.Trim(), StringComparison.Ordinal)
            && m.Timestamp >= sentAt - window && m.Timestamp <= sentAt + window);
}
