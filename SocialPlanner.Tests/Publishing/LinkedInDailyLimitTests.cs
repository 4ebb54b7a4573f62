using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>LinkedIn's 100 posts a day per member (the spec's "Rate Limits"), counted by the Worker since LinkedIn has
/// no call that tells how many are left: the 100th goes out, the 101st waits until the day's oldest is 24 hours old.</summary>
public sealed class LinkedInDailyLimitTests(AppFixture app) : PlatformTest(app)
{
    [Fact]
    public async Task The_hundredth_post_of_the_day_goes_out_and_the_next_waits_for_the_oldest_to_be_a_day_old()
    {
        var account = await ConnectLinkedInUserAsync();
        // 99 LinkedIn posts published over the last 23 hours, the oldest 23 hours ago.
        Assert.Equal(99L, await OwnerScalarAsync<long>("""
            WITH made AS (
                INSERT INTO posts (user_id, platform, content, status, scheduled_at, published_at)
                SELECT $1, 'linkedin', 'Earlier post ' || n, 'published', at, at
                FROM generate_series(0, 98) n, LATERAL (SELECT now() - interval '23 hours' + make_interval(mins => 13 * n) AS at) t
                RETURNING id, published_at),
            published AS (
                INSERT INTO post_publications (post_id, user_id, platform, status, due_at, scheduled_at, published_at, external_id)
                SELECT id, $1, 'linkedin', 'published', published_at, published_at, published_at, 'urn:li:share:' || id
                FROM made
                RETURNING 1)
            SELECT count(*) FROM published
            """, account.UserId));
        var oldest = await OwnerScalarAsync<DateTime>(
            "SELECT min(published_at) FROM post_publications WHERE user_id = $1 AND status = 'published'", account.UserId);
        Assert.InRange(DateTime.UtcNow - oldest, TimeSpan.FromHours(22.9), TimeSpan.FromHours(23.1));

        var hundredth = await ScheduleAsync(account.UserId, Unique("The hundredth"), DateTimeOffset.UtcNow);
        await PublicationWhenAsync(hundredth.Id, "published");

        var text = Unique("One too many today");
        var next = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        // Deferred, not failed and not an attempt: due when the oldest of the day's posts is 24 hours old.
        await WaitUntilAsync(() => OwnerScalarAsync<bool>(
            "SELECT status = 'pending' AND attempts = 0 AND error_message IS NOT NULL FROM post_publications WHERE post_id = $1", next.Id));
        var dueAt = await OwnerScalarAsync<DateTime>("SELECT due_at FROM post_publications WHERE post_id = $1", next.Id);
        Assert.InRange(dueAt - oldest, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Contains("Daily publishing limit reached", await OwnerScalarAsync<string>(
            "SELECT error_message FROM post_publications WHERE post_id = $1", next.Id));
        Assert.Equal("scheduled", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", next.Id));
        Assert.Empty(await PublishedAsync(text));
    }
}
