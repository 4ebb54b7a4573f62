using System.Text.Json;

namespace SocialPlanner.Web.Features.Insights;

/// <summary>A published post's latest figures on one network, read from the post's <c>metadata.analytics</c> (which
/// only the Worker writes; docs/insights.md). Impressions are null on Instagram, saves on LinkedIn.</summary>
public sealed record PostFigures(
    Network Network, DateTimeOffset At, long Reach, long? Impressions, long Likes, long Comments, long? Saves, long Shares)
{
    public double EngagementRate => Reach > 0 ? (double)(Likes + Comments + (Saves ?? 0) + Shares) / Reach : 0;

    public static IReadOnlyList<PostFigures> From(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("analytics", out var analytics)
            || analytics.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var figures = new List<PostFigures>();
        foreach (var (network, name) in new[] { (Network.Linkedin, "linkedin"), (Network.Instagram, "instagram") })
        {
            if (analytics.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("latest", out var latest) && latest.ValueKind == JsonValueKind.Object
                && latest.TryGetProperty("at", out var at) && at.TryGetDateTimeOffset(out var readAt))
            {
                figures.Add(new PostFigures(network, readAt, Number(latest, "reach") ?? 0, Number(latest, "impressions"),
                    Number(latest, "likes") ?? 0, Number(latest, "comments") ?? 0, Number(latest, "saves"), Number(latest, "shares") ?? 0));
            }
        }
        return figures;
    }

    private static long? Number(JsonElement reading, string name) =>
        reading.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
