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

        await new PublishingEmails(As(DbRole.Worker), sender).SendPublicationFailedAsync(publicationId, Ct);

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

        await new PublishingEmails(As(DbRole.Worker), sender).SendReconnectNeededAsync(account.ConnectionId, Ct);

        Assert.Equal(expected, sender.Sent.Count);
        Assert.False(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NOT NULL FROM social_connections WHERE id = $1", account.ConnectionId));
    }

    private Task ChooseAsync(Guid userId, string column, bool wanted) =>
        OwnerScalarAsync<int>($"UPDATE users SET {column} = $2 WHERE id = $1 RETURNING 1", userId, wanted);

    private sealed class RecordingSender : IEmailSender
    {
        public List<string> Sent { get; } = [];

        public Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken)
        {
            Sent.Add(subject);
            return Task.CompletedTask;
        }
    }
}
