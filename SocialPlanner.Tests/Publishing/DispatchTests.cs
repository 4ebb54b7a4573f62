using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>The running Worker drains what the scheduler queues: real dispatcher, real SQL, real roles.</summary>
public sealed class DispatchTests(AppFixture app) : DataTest(app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_post_for_both_platforms_fails_on_each_with_its_own_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var userId = await CreateUserAsync();
        var created = await CreatePostAsync(userId);
        var db = AsUser(userId);
        var post = await db.Posts.SingleAsync(p => p.Id == created.Id, ct);
        post.Platform = PostPlatform.Both;

        await new PublicationScheduler(db).ScheduleAsync(post, DateTimeOffset.UtcNow, ct);

        Assert.Equal(2, await OwnerScalarAsync<long>("SELECT count(*) FROM post_publications WHERE post_id = $1", post.Id));
        // The post shows "failed" as soon as one platform failed; wait for both to have their say.
        await EventuallyAsync(async () =>
            await OwnerScalarAsync<long>("SELECT count(*) FROM post_publications WHERE post_id = $1 AND status = 'failed'", post.Id) == 2 ? "" : null);
        Assert.Equal("failed", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", post.Id));
        var error = await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", post.Id);
        Assert.Contains("LinkedIn: No usable LinkedIn connection", error);
        // Checked before anything is sent: a text-only post breaks Instagram's rules whatever the account.
        Assert.Contains("Instagram: Instagram posts need at least one image", error);
        Assert.Equal(0L, await OwnerScalarAsync<long>(
            "SELECT count(*) FROM post_publications WHERE post_id = $1 AND (status <> 'failed' OR lease_owner IS NOT NULL)", post.Id));
    }

    [Fact]
    public async Task A_rescheduled_post_is_handled_at_its_new_time_not_the_old_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var userId = await CreateUserAsync();
        var created = await CreatePostAsync(userId);
        var db = AsUser(userId);
        var post = await db.Posts.SingleAsync(p => p.Id == created.Id, ct);

        await new PublicationScheduler(db).ScheduleAsync(post, DateTimeOffset.UtcNow.AddHours(1), ct);
        await new PublicationScheduler(db).ScheduleAsync(post, DateTimeOffset.UtcNow, ct);

        // Rescheduled to now: handled at the new time, and the row reflects only the new schedule.
        await EventuallyAsync(async () =>
            await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE post_id = $1", post.Id) == "failed" ? "" : null);
        Assert.True(await OwnerScalarAsync<DateTime>("SELECT scheduled_at FROM post_publications WHERE post_id = $1", post.Id) < DateTime.UtcNow);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
