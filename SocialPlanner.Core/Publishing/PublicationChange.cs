using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Core.Publishing;

/// <summary>The new state of a publication row after an attempt; written only while we still hold its lease.
/// <see cref="Error"/>: why it is not published (yet), stored in English (<see cref="ErrorMessage"/>) and in every
/// language the app speaks (<see cref="ErrorTexts"/>). <see cref="NoticeDueAt"/>: since when the user is owed a failure
/// email; null when none is owed.</summary>
public sealed record PublicationChange(
    PublicationStatus Status,
    DateTimeOffset DueAt,
    int Attempts,
    Sentence? Error,
    string? ExternalId = null,
    string? ExternalUrl = null,
    DateTimeOffset? PublishedAt = null,
    DateTimeOffset? NoticeDueAt = null)
{
    public string? ErrorMessage => Error?.InEnglish();

    /// <summary>The <c>error_texts</c> column: <see cref="Error"/> in each language (<see cref="Translations"/>).</summary>
    public string? ErrorTexts => Error?.Translations();
}
