using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Mail;

namespace SocialPlanner.Core.Publishing;

/// <summary>The emails a user gets when publishing needs them: a post that failed for good and an
/// account that must be reconnected, each only if the user wants it (Settings). An unwanted email is settled like a
/// sent one, so the sweeper does not owe it forever.</summary>
public sealed class PublishingEmails(AppDbContext db, IEmailSender sender)
{
    public async Task SendPublicationFailedAsync(Guid publicationId, CancellationToken cancellationToken)
    {
        var failed = await db.PostPublications.AsNoTracking()
            .Where(p => p.Id == publicationId && p.Status == PublicationStatus.Failed)
            .Select(p => new
            {
                p.Platform, p.ErrorMessage, p.ScheduledAt, p.Post!.Content,
                User = db.Users.Where(u => u.Id == p.UserId)
                    .Select(u => new { u.Email, u.TimeZone, Wanted = u.NotifyPublicationFailed }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // Rescheduled or deleted since: nothing to tell.
        if (failed?.User is { Email: { } email, Wanted: true })
        {
            await sender.SendAsync(email, $"Your {PostState.PlatformName(failed.Platform)} post was not published",
                FailureText(failed.Platform, LocalTime(failed.ScheduledAt, failed.User.TimeZone), failed.ErrorMessage, failed.Content),
                null, cancellationToken);
        }
        // Only now is the notice settled; had the send thrown, the job's retries and then the sweeper try again.
        await db.PostPublications.Where(p => p.Id == publicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NoticeDueAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>The instant as the user reads times in the app: in their zone, named (UTC if the zone is unknown here).</summary>
    public static string LocalTime(DateTimeOffset instant, string? zoneId)
    {
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{local:dddd d MMMM yyyy, HH:mm} ({(zone == TimeZoneInfo.Utc ? "UTC" : zoneId)})");
    }

    private static string FailureText(Social.SocialPlatform target, string scheduledAt, string? error, string content)
    {
        return $"""
            Your post scheduled for {scheduledAt} could not be published to {PostState.PlatformName(target)}.

            Reason: {error}

            Post: {Excerpt(content)}

            Open SocialPlanner to fix it and schedule it again.
            """;
    }

    public async Task SendReconnectNeededAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.AsNoTracking()
            .Where(c => c.Id == connectionId && c.ReconnectNeeded)
            .Select(c => new
            {
                c.Platform, c.ProfileName,
                User = db.Users.Where(u => u.Id == c.UserId).Select(u => new { u.Email, Wanted = u.NotifyReconnectNeeded }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (connection?.User is { Email: { } email, Wanted: true })
        {
            var platform = PostState.PlatformName(connection.Platform);
            var text = $"""
                {platform} no longer accepts SocialPlanner's access to {connection.ProfileName ?? "your account"}.

                Scheduled posts to {platform} cannot go out until you connect the account again in SocialPlanner's settings.
                """;
            await sender.SendAsync(email, $"Reconnect your {platform} account", text, null, cancellationToken);
        }
        await db.SocialConnections.Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NoticeDueAt, (DateTimeOffset?)null), cancellationToken);
    }

    private static string Excerpt(string content) => content.Length <= 200 ? content : content[..200] + "…";
}
