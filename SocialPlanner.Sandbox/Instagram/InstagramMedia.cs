using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;

namespace SocialPlanner.Sandbox.Instagram;

public sealed record MediaContainer(string Id, string IgUserId, string? Caption, string? AltText, string ImageUrl, ImageFacts Facts, DateTimeOffset CreatedAt, int PollsLeft, string? MediaId)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string StatusCode(DateTimeOffset now) =>
        MediaId is not null ? "PUBLISHED" : now - CreatedAt > Lifetime ? "EXPIRED" : PollsLeft > 0 ? "IN_PROGRESS" : "FINISHED";
}

public sealed record IgMedia(string Id, string IgUserId, string ContainerId, string? Caption, DateTimeOffset PublishedAt, string Shortcode);

public enum PublishOutcome
{
    Published,
    NotFound,
    NotReady,
    Expired,
    AlreadyPublished,
    OverQuota,
}

/// <summary>Containers and published media per Instagram user.</summary>
public sealed class InstagramMedia(TimeProvider clock) : IResettable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, MediaContainer> containers = new(StringComparer.Ordinal);
    private readonly List<IgMedia> media = [];
    private long lastNumber;

    public MediaContainer CreateContainer(string igUserId, string? caption, string? altText, string imageUrl, ImageFacts facts, int inProgressPolls)
    {
        lock (gate)
        {
            var container = new MediaContainer(NextId("1788"), igUserId, caption, altText, imageUrl, facts, clock.GetUtcNow(), inProgressPolls, null);
            containers[container.Id] = container;
            return container;
        }
    }

    /// <summary>Reads a container; each read while processing is one poll closer to FINISHED.</summary>
    public MediaContainer? PollContainer(string id)
    {
        lock (gate)
        {
            if (!containers.TryGetValue(id, out var container))
            {
                return null;
            }

            if (container.PollsLeft > 0)
            {
                containers[id] = container with { PollsLeft = container.PollsLeft - 1 };
            }

            return container;
        }
    }

    public (PublishOutcome Outcome, MediaContainer? Container, IgMedia? Media) Publish(string igUserId, string containerId, int quotaTotal, TimeSpan quotaWindow)
    {
        lock (gate)
        {
            if (!containers.TryGetValue(containerId, out var container) || container.IgUserId != igUserId)
            {
                return (PublishOutcome.NotFound, null, null);
            }

            var now = clock.GetUtcNow();
            var outcome = container.StatusCode(now) switch
            {
                "PUBLISHED" => PublishOutcome.AlreadyPublished,
                "EXPIRED" => PublishOutcome.Expired,
                "IN_PROGRESS" => PublishOutcome.NotReady,
                _ => QuotaUsage(igUserId, now - quotaWindow) >= quotaTotal ? PublishOutcome.OverQuota : PublishOutcome.Published,
            };
            if (outcome != PublishOutcome.Published)
            {
                return (outcome, container, media.Find(m => m.Id == container.MediaId));
            }

            var id = NextId("1792");
            var published = new IgMedia(id, igUserId, containerId, container.Caption, now, Shortcode: "Sbx" + id[^8..]);
            media.Add(published);
            containers[containerId] = container with { MediaId = id };
            return (outcome, container, published);
        }
    }

    public int QuotaUsage(string igUserId, DateTimeOffset since)
    {
        lock (gate)
        {
            return media.Count(m => m.IgUserId == igUserId && m.PublishedAt > since);
        }
    }

    public IReadOnlyList<IgMedia> MediaOf(string igUserId)
    {
        lock (gate)
        {
            return media.Where(m => m.IgUserId == igUserId).OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToList();
        }
    }

    public IgMedia? FindMedia(string id)
    {
        lock (gate)
        {
            return media.Find(m => m.Id == id);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            containers.Clear();
            media.Clear();
        }
    }

    private string NextId(string prefix) => prefix + (++lastNumber).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
}
