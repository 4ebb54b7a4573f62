using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Rules 8 and 7 made durable: a failure or reconnect email is owed in its row until it is sent.</summary>
public sealed class FailureNoticeTests(AppFixture app) : PlatformTest(app)
{
    [Fact]
    public async Task A_failure_email_still_owed_long_after_it_was_due_is_taken_again_once_per_retry_period()
    {
        var userId = await CreateUserAsync();
        // Far ahead, so no dispatcher acts on the rows; the failures are written as a worker that died would leave them.
        var lost = await ScheduleAsync(userId, "Lost email", DateTimeOffset.UtcNow.AddYears(1));
        var recent = await ScheduleAsync(userId, "Email on its way", DateTimeOffset.UtcNow.AddYears(1));
        await MarkFailedAsync(lost.Id, TimeSpan.FromHours(2));
        await MarkFailedAsync(recent.Id, TimeSpan.FromMinutes(1));
        var notices = new OverdueNotices(As(DbRole.Worker));
        var now = DateTimeOffset.UtcNow;

        var taken = await notices.TakeOverdueFailureNoticesAsync(now.AddHours(-1), now, Ct);
        var takenAgain = await notices.TakeOverdueFailureNoticesAsync(now.AddHours(-1), now, Ct);

        var lostId = await PublicationIdAsync(lost.Id);
        Assert.Contains(lostId, taken);
        Assert.DoesNotContain(await PublicationIdAsync(recent.Id), taken);
        Assert.DoesNotContain(lostId, takenAgain);
    }

    [Fact]
    public async Task A_reconnect_email_still_owed_long_after_it_was_due_is_taken_again()
    {
        var account = await ConnectLinkedInUserAsync();
        await OwnerScalarAsync<int>(
            "UPDATE social_connections SET reconnect_needed = true, notice_due_at = now() - interval '2 hours' WHERE id = $1 RETURNING 1",
            account.ConnectionId);
        var notices = new OverdueNotices(As(DbRole.Worker));
        var now = DateTimeOffset.UtcNow;

        Assert.Contains(account.ConnectionId, await notices.TakeOverdueReconnectNoticesAsync(now.AddHours(-1), now, Ct));
        Assert.DoesNotContain(account.ConnectionId, await notices.TakeOverdueReconnectNoticesAsync(now.AddHours(-1), now, Ct));
    }

    private Task MarkFailedAsync(Guid postId, TimeSpan owedFor) =>
        OwnerScalarAsync<int>("""
            UPDATE post_publications SET status = 'failed', error_message = 'Refused.', notice_due_at = now() - $2
            WHERE post_id = $1 RETURNING 1
            """, postId, owedFor);

    private Task<Guid> PublicationIdAsync(Guid postId) =>
        OwnerScalarAsync<Guid>("SELECT id FROM post_publications WHERE post_id = $1", postId);
}
