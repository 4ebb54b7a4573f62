using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Queue;
using SocialPlanner.Api.Templates;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Auth;

/// <summary>Everything the planner holds about one user, as the file a data-access or portability request is answered
/// with (Swiss FADP art. 25 and 28, GDPR art. 15 and 20). Secrets are left out: the password hash and the platforms'
/// tokens say nothing about the person and would only be a risk in a downloaded file.</summary>
public sealed record AccountExport(
    DateTimeOffset ExportedAt, string About, ExportedUser User, IReadOnlyList<ExportedPost> Posts, IReadOnlyList<TemplateDto> Templates,
    IReadOnlyList<ExportedMedia> Media, IReadOnlyList<ExportedConnection> SocialConnections, IReadOnlyList<ExportedAiGeneration> AiGenerations,
    IReadOnlyList<ExportedSlot> PostingSchedule)
{
    /// <summary>Read as the user (row-level security): a query here cannot reach anyone else's rows. <paramref name="about"/>
    /// is the file's first words, in the request's language.</summary>
    public static async Task<AccountExport> ReadAsync(AppDbContext db, AppUser user, DateTimeOffset now, string about, CancellationToken ct)
    {
        var userId = user.Id;
        var posts = await db.Posts.AsNoTracking().Where(p => p.UserId == userId)
            .Include(p => p.Media).Include(p => p.Publications)
            .OrderBy(p => p.CreatedAt).AsSplitQuery().ToListAsync(ct);
        var templates = await db.Templates.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var media = await db.Media.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var connections = await db.SocialConnections.AsNoTracking().Where(c => c.UserId == userId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new ExportedConnection(c.Platform, c.ProfileId, c.ProfileName, c.ProfilePictureUrl, c.Scopes, c.IsActive, c.ReconnectNeeded,
                c.ExpiresAt, c.LastUsedAt, c.CreatedAt))
            .ToListAsync(ct);
        var generations = await db.AiGenerations.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.CreatedAt)
            .Select(g => new ExportedAiGeneration(g.Id, g.Type, g.Model, g.Prompt, g.Response, g.TokensUsed, g.DurationMs, g.Success,
                g.ErrorMessage, g.CreatedAt))
            .ToListAsync(ct);
        var slots = await db.QueueSlots.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);

        return new AccountExport(
            now, about, ExportedUser.From(user),
            [.. posts.Select(ExportedPost.From)], [.. templates.Select(t => t.ToDto())], [.. media.Select(ExportedMedia.From)],
            connections, generations,
            [.. slots.InWeekOrder().Select(ExportedSlot.From)]);
    }
}

/// <summary>The account and the choices made in Settings. Of the calendar feed only since when one exists (turning it off
/// clears that date): its address is a secret.</summary>
public sealed record ExportedUser(
    Guid Id, string Email, string TimeZone, string Language, ExportedNotifications Notifications, DateTimeOffset? PublishingPausedAt,
    DateTimeOffset? CalendarFeedCreatedAt, DateTimeOffset CreatedAt)
{
    public static ExportedUser From(AppUser user) => new(
        user.Id, user.Email ?? "", user.TimeZone, user.Language,
        new ExportedNotifications(user.NotifyPublicationFailed, user.NotifyReconnectNeeded), user.PublishingPausedAt,
        user.CalendarFeedCreatedAt, user.CreatedAt);
}

public sealed record ExportedNotifications(bool PublicationFailed, bool ReconnectNeeded);

/// <summary>One time of the weekly posting schedule, as the Queue page shows it (weekday, HH:mm in the user's zone).</summary>
public sealed record ExportedSlot(SocialPlatform Platform, string Weekday, string Time, DateTimeOffset CreatedAt)
{
    public static ExportedSlot From(QueueSlot slot) =>
        new(slot.Platform, SlotWire.Weekday(slot.Weekday), SlotWire.Time(slot.LocalTime), slot.CreatedAt);
}

/// <summary>A post with its first comments and, per platform, how its publication went. Errors read in the request's
/// language, as everywhere else in the Api.</summary>
public sealed record ExportedPost(
    Guid Id, PostPlatform Platform, string Content, IReadOnlyList<string> Hashtags, string? FirstComment, string? FirstCommentLinkedin,
    string? FirstCommentInstagram, PostStatus Status, string? IdeaSource, bool AiGenerated, int? Rating, DateTimeOffset? ScheduledAt,
    DateTimeOffset? PublishedAt, string? ErrorMessage, Guid? TemplateId, JsonElement Metadata, IReadOnlyList<Guid> MediaIds,
    IReadOnlyList<ExportedPublication> Publications, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ExportedPost From(Post p) => new(
        p.Id, p.Platform, p.Content, p.Hashtags, p.FirstComment, p.FirstCommentLinkedin, p.FirstCommentInstagram, p.Status, p.IdeaSource,
        p.AiGenerated, p.Rating, p.ScheduledAt, p.PublishedAt, Translations.Pick(p.ErrorTexts, p.ErrorMessage), p.TemplateId, p.Metadata.RootElement.Clone(),
        [.. p.Media.OrderBy(m => m.Order).Select(m => m.MediaId)],
        [.. p.Publications.OrderBy(x => x.Platform).Select(x => new ExportedPublication(
            x.Platform, x.Status, x.ScheduledAt, x.Attempts, x.PublishedAt, x.ExternalUrl, Translations.Pick(x.ErrorTexts, x.ErrorMessage),
            x.CommentStatus, Translations.Pick(x.CommentErrorTexts, x.CommentError)))],
        p.CreatedAt, p.UpdatedAt);
}

public sealed record ExportedPublication(
    SocialPlatform Platform, PublicationStatus Status, DateTimeOffset ScheduledAt, int Attempts, DateTimeOffset? PublishedAt,
    string? ExternalUrl, string? ErrorMessage, CommentStatus CommentStatus, string? CommentError);

/// <summary>The media row without its storage path (an internal address) or its bytes.</summary>
public sealed record ExportedMedia(
    Guid Id, MediaType Type, string Filename, string MimeType, long SizeBytes, int? Width, int? Height, int? Duration,
    IReadOnlyList<string> Tags, string? AltText, DateTimeOffset CreatedAt)
{
    public static ExportedMedia From(MediaItem m) =>
        new(m.Id, m.Type, m.Filename, m.MimeType, m.SizeBytes, m.Width, m.Height, m.Duration, m.Tags, m.AltText, m.CreatedAt);
}

public sealed record ExportedConnection(
    SocialPlatform Platform, string ProfileId, string? ProfileName, string? ProfilePictureUrl, IReadOnlyList<string> Scopes, bool IsActive, bool ReconnectNeeded,
    DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset CreatedAt);

public sealed record ExportedAiGeneration(
    Guid Id, GenerationType Type, string Model, string Prompt, string Response, int TokensUsed, int DurationMs, bool Success,
    string? ErrorMessage, DateTimeOffset CreatedAt);
