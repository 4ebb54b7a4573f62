using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Published;

public sealed class PublishedLedger : IResettable
{
    private readonly Lock _gate = new();
    private readonly List<PublishedItem> _items = [];

    public void Record(PublishedItem item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    /// <summary>Notes a further publish request that the platform resolved to an existing post.</summary>
    public void CountRepeat(string externalId)
    {
        lock (_gate)
        {
            var index = _items.FindIndex(i => i.ExternalId == externalId);
            if (index >= 0)
            {
                _items[index] = _items[index] with { RequestCount = _items[index].RequestCount + 1 };
            }
        }
    }

    /// <summary>Adds a comment under the published post <paramref name="externalId"/>; false when there is no such post.</summary>
    public bool AddComment(string externalId, PublishedComment comment)
    {
        lock (_gate)
        {
            var index = _items.FindIndex(i => i.ExternalId == externalId);
            if (index < 0)
            {
                return false;
            }

            _items[index] = _items[index] with { Comments = [.. _items[index].Comments ?? [], comment] };
            return true;
        }
    }

    public IReadOnlyList<PublishedComment> CommentsOf(string externalId)
    {
        lock (_gate)
        {
            return _items.Find(i => i.ExternalId == externalId)?.Comments ?? [];
        }
    }

    public IReadOnlyList<PublishedItem> List(string? platform, string? account)
    {
        lock (_gate)
        {
            return _items
                .Where(i => (platform is null || i.Platform == platform) && (account is null || i.Account == account))
                .OrderByDescending(i => i.PublishedAt)
                .ToList();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }
}
