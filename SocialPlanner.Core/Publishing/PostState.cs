using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Publishing;

/// <summary>The post's combined state, derived from its publications. <see cref="ErrorTexts"/>: the error in every
/// language (<see cref="Translations"/>), null when no publication stored translations.</summary>
public sealed record PostState(PostStatus Status, DateTimeOffset? PublishedAt, string? ErrorMessage, string? ErrorTexts = null)
{
    /// <summary>What a post shows given its live (non-cancelled) publications: failed as soon as one failed for good,
    /// published when all are, scheduled while any is still under way.</summary>
    public static PostState Combine(IReadOnlyCollection<PublicationSnapshot> publications)
    {
        var live = publications.Where(p => p.Status != PublicationStatus.Cancelled).ToList();
        if (live.Count == 0)
        {
            return new(PostStatus.Draft, null, null);
        }

        var failed = live.Where(p => p.Status == PublicationStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            failed = [.. failed.OrderBy(p => p.Platform)];
            // "LinkedIn: why. Instagram: why." (French puts a space before the colon), each reason in the same language.
            var error = Sentence.From(() => string.Join(" ", failed.Select(p => ResourceTexts<PublishingStrings>.Get(
                "Failure.OnPlatform", PlatformName(p.Platform), Translations.Pick(p.ErrorTexts, p.ErrorMessage)))));
            var message = error.InEnglish();
            var texts = failed.Any(p => p.ErrorTexts is not null) ? error.Translations() : null;
            var publishedAt = live.Where(p => p.Status == PublicationStatus.Published).Max(p => p.PublishedAt);
            return new(PostStatus.Failed, publishedAt, message, texts);
        }

        if (live.All(p => p.Status == PublicationStatus.Published))
        {
            return new(PostStatus.Published, live.Max(p => p.PublishedAt), null);
        }

        return new(PostStatus.Scheduled, null, null);
    }

    public static string PlatformName(Social.SocialPlatform platform) => platform switch
    {
        Social.SocialPlatform.Linkedin => "LinkedIn",
        Social.SocialPlatform.Instagram => "Instagram",
        _ => platform.ToString(),
    };
}

/// <summary>The columns of a publication that decide its post's state.</summary>
public sealed record PublicationSnapshot(
    Social.SocialPlatform Platform, PublicationStatus Status, DateTimeOffset? PublishedAt, string? ErrorMessage, string? ErrorTexts = null);
