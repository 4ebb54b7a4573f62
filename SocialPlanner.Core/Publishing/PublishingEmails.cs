using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Mail;

namespace SocialPlanner.Core.Publishing;

/// <summary>The emails a user gets when publishing needs them: a post that failed for good and an
/// account that must be reconnected, each only if the user wants it (Settings). An unwanted email is settled like a
/// sent one, so the sweeper does not owe it forever. Each is written in the user's language (<c>users.language</c>).</summary>
public sealed class PublishingEmails(AppDbContext db, IEmailSender sender, IStringLocalizer<PublishingStrings> text)
{
    public async Task SendPublicationFailedAsync(Guid publicationId, CancellationToken cancellationToken)
    {
        var failed = await db.PostPublications.AsNoTracking()
            .Where(p => p.Id == publicationId && p.Status == PublicationStatus.Failed)
            .Select(p => new
            {
                p.Platform, p.ErrorMessage, p.ErrorTexts, p.ScheduledAt, p.Post!.Content,
                User = db.Users.Where(u => u.Id == p.UserId)
                    .Select(u => new { u.Email, u.TimeZone, u.Language, Wanted = u.NotifyPublicationFailed }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // Rescheduled or deleted since: nothing to tell.
        if (failed?.User is { Email: { } email, Wanted: true })
        {
            string subject, body;
            using (UserCulture.Use(failed.User.Language))
            {
                var platform = PostState.PlatformName(failed.Platform);
                subject = text["Failed.Subject", platform];
                // The reason is the Worker's record of what the platform said, stored in every language.
                body = text["Failed.Body", LocalTime(failed.ScheduledAt, failed.User.TimeZone), platform,
                    Translations.Pick(failed.ErrorTexts, failed.ErrorMessage) ?? "",
                    Excerpt(failed.Content)];
            }
            await sender.SendAsync(email, subject, body, null, cancellationToken);
        }
        // Only now is the notice settled; had the send thrown, the job's retries and then the sweeper try again.
        await db.PostPublications.Where(p => p.Id == publicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NoticeDueAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>The instant as the user reads times in the app: in their zone, named (UTC if the zone is unknown here),
    /// with the current culture's day and month names.</summary>
    public static string LocalTime(DateTimeOffset instant, string? zoneId)
    {
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(CultureInfo.CurrentCulture, $"{local:dddd d MMMM yyyy, HH:mm} ({(zone == TimeZoneInfo.Utc ? "UTC" : zoneId)})");
    }

    public async Task SendReconnectNeededAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.AsNoTracking()
            .Where(c => c.Id == connectionId && c.ReconnectNeeded)
            .Select(c => new
            {
                c.Platform, c.ProfileName,
                User = db.Users.Where(u => u.Id == c.UserId).Select(u => new { u.Email, u.Language, Wanted = u.NotifyReconnectNeeded }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (connection?.User is { Email: { } email, Wanted: true })
        {
            string subject, body;
            using (UserCulture.Use(connection.User.Language))
            {
                var platform = PostState.PlatformName(connection.Platform);
                subject = text["Reconnect.Subject", platform];
                body = text["Reconnect.Body", platform, connection.ProfileName ?? text["Reconnect.YourAccount"]];
            }
            await sender.SendAsync(email, subject, body, null, cancellationToken);
        }
        await db.SocialConnections.Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NoticeDueAt, (DateTimeOffset?)null), cancellationToken);
    }

    private static string Excerpt(string content) => content.Length <= 200 ? content : content[..200] + "…";
}
