using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Published;

public sealed class PublishedLedger : IResettable
{
    private readonly Lock gate = new();
    private readonly List<PublishedItem> items = [];

    public void Record(PublishedItem item)
    {
        lock (gate)
        {
            items.Add(item);
        }
    }

    /// <summary>Notes a further publish request that the platform resolved to an existing post.</summary>
    public void CountRepeat(string externalId)
    {
        lock (gate)
        {
            var index = items.FindIndex(i => i.ExternalId == externalId);
            if (index >= 0)
            {
                items[index] = items[index] with { RequestCount = items[index].RequestCount + 1 };
            }
        }
    }

    public IReadOnlyList<PublishedItem> List(string? platform, string? account)
    {
        lock (gate)
        {
            return items
                .Where(i => (platform is null || i.Platform == platform) && (account is null || i.Account == account))
                .OrderByDescending(i => i.PublishedAt)
                .ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            items.Clear();
        }
    }
}
