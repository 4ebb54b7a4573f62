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
