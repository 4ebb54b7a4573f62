using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>An image container, a carousel item (<see cref="IsCarouselItem"/>: publishable only inside a carousel) or a
/// carousel (<see cref="Children"/>, in order; its image is its first child's).</summary>
public sealed record MediaContainer(string Id, string IgUserId, string? Caption, string? AltText, string ImageUrl, ImageFacts Facts, DateTimeOffset CreatedAt, int PollsLeft, string? MediaId,
    bool IsCarouselItem = false, IReadOnlyList<MediaContainer>? Children = null)
{
    public IReadOnlyList<MediaContainer> Images => Children ?? [this];


    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string StatusCode(DateTimeOffset now) =>
        MediaId is not null ? "PUBLISHED" : now - CreatedAt > Lifetime ? "EXPIRED" : PollsLeft > 0 ? "IN_PROGRESS" : "FINISHED";
}

public sealed record IgMedia(string Id, string IgUserId, string ContainerId, string? Caption, DateTimeOffset PublishedAt, string Shortcode, bool IsCarousel = false);

public enum PublishOutcome
{
    Published,
    NotFound,
    NotReady,
    Expired,
    AlreadyPublished,
    OverQuota,
    CarouselItem,
}

/// <summary>Why a carousel cannot be made of the given children; null when it can.</summary>
public sealed record CarouselProblem(string Message);

/// <summary>Containers and published media per Instagram user.</summary>
public sealed class InstagramMedia(TimeProvider clock) : IResettable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MediaContainer> _containers = new(StringComparer.Ordinal);
    private readonly List<IgMedia> _media = [];
    private long _lastNumber;

    public const int MinCarouselChildren = 2;
    public const int MaxCarouselChildren = 10;

    public MediaContainer CreateContainer(string igUserId, string? caption, string? altText, string imageUrl, ImageFacts facts, int inProgressPolls, bool isCarouselItem = false)
    {
        lock (_gate)
        {
            var container = new MediaContainer(NextId("1788"), igUserId, caption, altText, imageUrl, facts, clock.GetUtcNow(), inProgressPolls, null, isCarouselItem);
            _containers[container.Id] = container;
            return container;
        }
    }

    /// <summary>A carousel container over the user's unpublished, unexpired carousel items, in the order given.</summary>
    public (MediaContainer? Carousel, CarouselProblem? Problem) CreateCarousel(string igUserId, string? caption, IReadOnlyList<string> childIds, int inProgressPolls)
    {
        if (childIds.Count is < MinCarouselChildren or > MaxCarouselChildren)
        {
            return (null, new CarouselProblem($"A carousel needs between {MinCarouselChildren} and {MaxCarouselChildren} children; {childIds.Count} were given."));
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var children = new List<MediaContainer>();
            foreach (var id in childIds)
            {
                if (!_containers.TryGetValue(id, out var child) || child.IgUserId != igUserId || !child.IsCarouselItem
                    || child.StatusCode(now) is "PUBLISHED" or "EXPIRED")
                {
                    return (null, new CarouselProblem($"The child {id} is not an unpublished carousel item of this account."));
                }
                children.Add(child);
            }

            var first = children[0];
            var carousel = new MediaContainer(NextId("1788"), igUserId, caption, null, first.ImageUrl, first.Facts, now, inProgressPolls, null, Children: children);
            _containers[carousel.Id] = carousel;
            return (carousel, null);
        }
    }

    /// <summary>Reads a container; each read while processing is one poll closer to FINISHED.</summary>
    public MediaContainer? PollContainer(string id)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(id, out var container))
            {
                return null;
            }

            if (container.PollsLeft > 0)
            {
                _containers[id] = container with { PollsLeft = container.PollsLeft - 1 };
            }

            return container;
        }
    }

    public (PublishOutcome Outcome, MediaContainer? Container, IgMedia? Media) Publish(string igUserId, string containerId, int quotaTotal, TimeSpan quotaWindow)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(containerId, out var container) || container.IgUserId != igUserId)
            {
                return (PublishOutcome.NotFound, null, null);
            }

            var now = clock.GetUtcNow();
            var outcome = container.IsCarouselItem ? PublishOutcome.CarouselItem : container.StatusCode(now) switch
            {
                "PUBLISHED" => PublishOutcome.AlreadyPublished,
                "EXPIRED" => PublishOutcome.Expired,
                "IN_PROGRESS" => PublishOutcome.NotReady,
                _ => QuotaUsage(igUserId, now - quotaWindow) >= quotaTotal ? PublishOutcome.OverQuota : PublishOutcome.Published,
            };
            if (outcome != PublishOutcome.Published)
            {
                return (outcome, container, _media.Find(m => m.Id == container.MediaId));
            }

            var id = NextId("1792");
            var published = new IgMedia(id, igUserId, containerId, container.Caption, now, Shortcode: "Sbx" + id[^8..], IsCarousel: container.Children is not null);
            _media.Add(published);
            _containers[containerId] = container with { MediaId = id };
            foreach (var child in container.Children ?? [])
            {
                _containers[child.Id] = child with { MediaId = id };
            }
            return (outcome, container, published);
        }
    }

    public string NextCommentId()
    {
        lock (_gate)
        {
            return NextId("1790");
        }
    }

    public int QuotaUsage(string igUserId, DateTimeOffset since)
    {
        lock (_gate)
        {
            return _media.Count(m => m.IgUserId == igUserId && m.PublishedAt > since);
        }
    }

    public IReadOnlyList<IgMedia> MediaOf(string igUserId)
    {
        lock (_gate)
        {
            return _media.Where(m => m.IgUserId == igUserId).OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToList();
        }
    }

    public IgMedia? FindMedia(string id)
    {
        lock (_gate)
        {
            return _media.Find(m => m.Id == id);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _containers.Clear();
            _media.Clear();
        }
    }

    private string NextId(string prefix) => prefix + (++_lastNumber).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
}
