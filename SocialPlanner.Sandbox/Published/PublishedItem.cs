namespace SocialPlanner.Sandbox.Published;

/// <summary>
/// One post as the platform's audience would see it. <see cref="RequestCount"/> counts every
/// publish request that resolved to this post (duplicates included), so tests can prove exactly-once.
/// </summary>
public sealed record PublishedItem(
    string Platform,
    string Account,
    string ExternalId,
    string Text,
    string? ImageId,
    string? ImageInfo,
    DateTimeOffset PublishedAt,
    int RequestCount);
