using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Insights;

/// <summary>The <c>analytics</c> key of <c>posts.metadata</c>, which only the Worker writes:
/// <c>{ "linkedin": { "readings": [ {at, reach, impressions, likes, comments, saves, shares}, … ], "latest": {…} } }</c>.</summary>
public static class PostAnalytics
{
    public const string Key = "analytics";

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Each platform's latest reading; platforms without one (or malformed ones) are left out.</summary>
    public static IReadOnlyDictionary<SocialPlatform, PostMetrics> Latest(JsonElement metadata)
    {
        var latest = new Dictionary<SocialPlatform, PostMetrics>();
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty(Key, out var analytics) || analytics.ValueKind != JsonValueKind.Object)
        {
            return latest;
        }
        foreach (var (platform, name) in new[] { (SocialPlatform.Linkedin, "linkedin"), (SocialPlatform.Instagram, "instagram") })
        {
            if (analytics.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("latest", out var reading) && reading.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    if (reading.Deserialize<PostMetrics>(Json) is { } metrics)
                    {
                        latest[platform] = metrics;
                    }
                }
                catch (JsonException)
                {
                }
            }
        }
        return latest;
    }

    /// <summary>A client's new metadata with the stored analytics kept as they are: the figures come from the
    /// platforms, so a client may neither forge nor erase them.</summary>
    public static JsonDocument KeepAnalytics(JsonElement stored, JsonElement incoming)
    {
        var merged = JsonNode.Parse(incoming.GetRawText()) as JsonObject ?? [];
        merged.Remove(Key);
        if (stored.ValueKind == JsonValueKind.Object && stored.TryGetProperty(Key, out var analytics))
        {
            merged[Key] = JsonNode.Parse(analytics.GetRawText());
        }
        return JsonDocument.Parse(merged.ToJsonString());
    }
}
