using Microsoft.AspNetCore.Identity;

namespace SocialPlanner.Core.Auth;

/// <summary>The spec's <c>users</c> row; Identity's columns live on the same table (we replace Supabase Auth).</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>IANA zone used to place posts on the calendar.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The language the app, the emails and the AI speak to this user ("en", "fr"; issue #18), chosen from
    /// the browser's <c>Accept-Language</c> at sign-up and changeable in Settings.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Whether the user wants an email when a post could not be published. Password-reset emails ask no one:
    /// they answer the user's own request.</summary>
    public bool NotifyPublicationFailed { get; set; } = true;

    /// <summary>Whether the user wants an email when a network must be connected again.</summary>
    public bool NotifyReconnectNeeded { get; set; } = true;

    /// <summary>Set while the user has paused all their publishing (issue #17): the Worker claims nothing of theirs.</summary>
    public DateTimeOffset? PublishingPausedAt { get; set; }

    /// <summary>SHA-256 of the secret in the user's private calendar feed URL; null while the feed is off. Only the hash
    /// is stored, so the URL is shown once, when the feed is turned on or rotated.</summary>
    public string? CalendarFeedTokenHash { get; set; }
    /// <summary>When the current feed URL was made (turned on or rotated).</summary>
    public DateTimeOffset? CalendarFeedCreatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
