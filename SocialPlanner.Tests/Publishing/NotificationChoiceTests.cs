using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Mail;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>The publishing emails a user turned off in Settings are not sent, and are not owed either (issue #16 §7).</summary>
public sealed class NotificationChoiceTests(AppFixture app) : PlatformTest(app)
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task A_failure_email_goes_only_to_a_user_who_wants_it_and_is_settled_either_way(bool wanted, int expected)
    {
        var userId = await CreateUserAsync();
        await ChooseAsync(userId, "notify_publication_failed", wanted);
        var post = await ScheduleAsync(userId, "Refusé par le réseau", DateTimeOffset.UtcNow.AddYears(1));
        var publicationId = await OwnerScalarAsync<Guid>("""
            UPDATE post_publications SET status = 'failed', error_message = 'Refused.', notice_due_at = now()
            WHERE post_id = $1 RETURNING id
            """, post.Id);
        var sender = new RecordingSender();

        await new PublishingEmails(As(DbRole.Worker), sender, Texts).SendPublicationFailedAsync(publicationId, Ct);

        Assert.Equal(expected, sender.Sent.Count);
        Assert.False(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NOT NULL FROM post_publications WHERE id = $1", publicationId));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task A_reconnect_email_goes_only_to_a_user_who_wants_it_and_is_settled_either_way(bool wanted, int expected)
    {
        var account = await ConnectLinkedInUserAsync();
        await ChooseAsync(account.UserId, "notify_reconnect_needed", wanted);
        await OwnerScalarAsync<int>(
            "UPDATE social_connections SET reconnect_needed = true, notice_due_at = now() WHERE id = $1 RETURNING 1", account.ConnectionId);
        var sender = new RecordingSender();

        await new PublishingEmails(As(DbRole.Worker), sender, Texts).SendReconnectNeededAsync(account.ConnectionId, Ct);

        Assert.Equal(expected, sender.Sent.Count);
        Assert.False(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NOT NULL FROM social_connections WHERE id = $1", account.ConnectionId));
    }

    [Fact]
    public async Task A_failure_email_is_written_in_the_users_language_with_dates_in_its_culture()
    {
        var userId = await CreateUserAsync();
        await OwnerScalarAsync<int>("UPDATE users SET language = 'fr', time_zone = 'Europe/Zurich' WHERE id = $1 RETURNING 1", userId);
        var post = await ScheduleAsync(userId, "Refusé par le réseau", DateTimeOffset.UtcNow.AddYears(1));
        var publicationId = await OwnerScalarAsync<Guid>("""
            UPDATE post_publications SET status = 'failed', error_message = 'Refused.', notice_due_at = now()
            WHERE post_id = $1 RETURNING id
            """, post.Id);
        var scheduledAt = new DateTimeOffset(
            await OwnerScalarAsync<DateTime>("SELECT scheduled_at FROM post_publications WHERE id = $1", publicationId), TimeSpan.Zero);
        var sender = new RecordingSender();

        await new PublishingEmails(As(DbRole.Worker), sender, Texts).SendPublicationFailedAsync(publicationId, Ct);

        var mail = Assert.Single(sender.Mails);
        Assert.Equal("Votre publication LinkedIn n’a pas été publiée", mail.Subject);
        var zurich = TimeZoneInfo.ConvertTime(scheduledAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"));
        Assert.Contains($"planifiée le {zurich.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("fr-CH"))} (Europe/Zurich)", mail.Body);
        Assert.Contains("Motif : Refused.", mail.Body);
    }

    [Fact]
    public async Task A_reconnect_email_is_written_in_the_users_language()
    {
        var account = await ConnectLinkedInUserAsync();
        await OwnerScalarAsync<int>("UPDATE users SET language = 'fr' WHERE id = $1 RETURNING 1", account.UserId);
        await OwnerScalarAsync<int>(
            "UPDATE social_connections SET reconnect_needed = true, notice_due_at = now() WHERE id = $1 RETURNING 1", account.ConnectionId);
        var sender = new RecordingSender();

        await new PublishingEmails(As(DbRole.Worker), sender, Texts).SendReconnectNeededAsync(account.ConnectionId, Ct);

        var mail = Assert.Single(sender.Mails);
        Assert.Equal("Reconnectez votre compte LinkedIn", mail.Subject);
        Assert.Contains("LinkedIn n’accepte plus l’accès de SocialPlanner", mail.Body);
    }

    /// <summary>The resources as the hosts' <c>AddLocalization()</c> serves them.</summary>
    private static readonly IStringLocalizer<PublishingStrings> Texts = new StringLocalizer<PublishingStrings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private Task ChooseAsync(Guid userId, string column, bool wanted) =>
        OwnerScalarAsync<int>($"UPDATE users SET {column} = $2 WHERE id = $1 RETURNING 1", userId, wanted);

    private sealed class RecordingSender : IEmailSender
    {
        public List<string> Sent { get; } = [];

        public List<(string Subject, string Body)> Mails { get; } = [];

        public Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken)
        {
            Sent.Add(subject);
            Mails.Add((subject, textBody));
            return Task.CompletedTask;
        }
    }
}
