namespace SocialPlanner.Core.Insights;

/// <summary>One reading of a published post's figures on one platform, as stored in
/// <c>posts.metadata.analytics.&lt;platform&gt;.readings[]</c> (snake_case in the JSON). Impressions are null where
/// the platform does not give them (Instagram retired them in 2025); saves are null on LinkedIn.</summary>
public sealed record PostMetrics(
    DateTimeOffset At, long Reach, long? Impressions, long Likes, long Comments, long? Saves, long Shares)
{
    /// <summary>Interactions counted in the engagement rate: likes (reactions), comments, saves and shares.</summary>
    public long Engagements => Likes + Comments + (Saves ?? 0) + Shares;
}

/// <summary>Why the platform will not give a connection's metrics, in words for the user.</summary>
public static class MetricsUnavailable
{
    public const string LinkedInScope = "r_member_postAnalytics";
    public const string InstagramScope = "instagram_business_manage_insights";

    /// <summary>What the Worker stores (a record, in English, like every stored error).</summary>
    public static string MissingScope(string scope) => $"Not available: missing permission {scope}. Reconnect the account to grant it.";

    /// <summary>The stored note in the reader's language (current UI culture): a note naming a known permission is
    /// said again from the resources; anything else is shown as stored.</summary>
    public static string Describe(string stored) =>
        new[] { LinkedInScope, InstagramScope }.FirstOrDefault(scope => stored == MissingScope(scope)) is { } missing
            ? SocialPlanner.Localisation.ResourceTexts<InsightsStrings>.Get("Unavailable.MissingScope", missing)
            : stored;
}
