namespace SocialPlanner.Core.Publishing;

/// <summary>The new state of a publication row after an attempt; written only while we still hold its lease.
/// <see cref="NoticeDueAt"/>: since when the user is owed a failure email; null when none is owed.</summary>
public sealed record PublicationChange(
    PublicationStatus Status,
    DateTimeOffset DueAt,
    int Attempts,
    string? ErrorMessage,
    string? ExternalId = null,
    string? ExternalUrl = null,
    DateTimeOffset? PublishedAt = null,
    DateTimeOffset? NoticeDueAt = null);
