using SocialPlanner.Core.Data;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>The first comments' claims (<see cref="CommentQueue"/>), played by the test as two workers. Claims are taken
/// as the rows' owner (row-level security keeps them to this test's rows) at instants fifty years ahead, where the
/// running Worker never finds these rows due.</summary>
[Collection(AppCollection.Name)]
public sealed class CommentQueueTests(AppFixture app) : DataTest(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Ahead = DateTimeOffset.UtcNow.AddYears(50);

    /// <summary>A worker claims a batch and is still busy with its first row when its claim on the second runs out; a
    /// second worker takes that row. Before, the claim marked every row "sending" at once: the second worker took the
    /// untried row as "may already be out" (on LinkedIn, reported as interrupted and never sent), and the first one,
    /// not knowing, commented on it too (on Instagram, twice).</summary>
    [Fact]
    public async Task A_row_whose_claim_ran_out_before_it_was_tried_is_taken_again_as_never_sent_and_the_first_worker_leaves_it()
    {
        var user = await CreateUserAsync();
        var first = await PublishedOwingACommentAsync(user);
        var second = await PublishedOwingACommentAsync(user);
        var workerA = new CommentQueue(AsUser(user));
        var workerB = new CommentQueue(AsUser(user));

        var claimedByA = await workerA.ClaimAsync(10, Ahead, Ahead.AddMinutes(2), Ct);
        Assert.Equal(new[] { first, second }.Order(), claimedByA.Select(c => c.Id).Order());
        Assert.All(claimedByA, c => Assert.False(c.Reconcile));
        var tried = await workerA.StartAsync(claimedByA.Single(c => c.Id == first), Ahead.AddMinutes(10), Ct);
        Assert.Equal(1, tried!.Attempt);

        // Three minutes on, A's claim on the second row has run out; the first row is under its own, newer lease.
        var claimedByB = Assert.Single(await workerB.ClaimAsync(10, Ahead.AddMinutes(3), Ahead.AddMinutes(5), Ct));
        Assert.Equal(second, claimedByB.Id);
        Assert.False(claimedByB.Reconcile);
        Assert.Null(await workerA.StartAsync(claimedByA.Single(c => c.Id == second), Ahead.AddMinutes(12), Ct));
        Assert.Equal(1, (await workerB.StartAsync(claimedByB, Ahead.AddMinutes(7), Ct))!.Attempt);
        Assert.Equal(1, await OwnerScalarAsync<int>("SELECT comment_attempts FROM post_publications WHERE id = $1", second));
    }

    /// <summary>A row that was being sent when its worker stopped is taken again as "may already be out", so it is
    /// looked for (Instagram) or not sent again (LinkedIn).</summary>
    [Fact]
    public async Task A_row_whose_worker_stopped_while_sending_it_is_taken_again_as_maybe_sent()
    {
        var user = await CreateUserAsync();
        var publication = await PublishedOwingACommentAsync(user);
        var workerA = new CommentQueue(AsUser(user));
        var claimed = Assert.Single(await workerA.ClaimAsync(10, Ahead, Ahead.AddMinutes(2), Ct));
        Assert.NotNull(await workerA.StartAsync(claimed, Ahead.AddMinutes(2), Ct));

        var again = Assert.Single(await new CommentQueue(AsUser(user)).ClaimAsync(10, Ahead.AddMinutes(3), Ahead.AddMinutes(5), Ct));
        Assert.Equal(publication, again.Id);
        Assert.True(again.Reconcile);
    }

    /// <summary>A LinkedIn publication, out, owing its first comment from just before <see cref="Ahead"/>.</summary>
    private async Task<Guid> PublishedOwingACommentAsync(Guid user)
    {
        var post = await CreatePostAsync(user);
        return await OwnerScalarAsync<Guid>("""
            INSERT INTO post_publications (post_id, user_id, platform, status, due_at, scheduled_at, published_at, external_id, comment_status, comment_due_at)
            VALUES ($1, $2, 'linkedin', 'published', now(), now(), now(), 'urn:li:share:' || $1::text, 'pending', $3)
            RETURNING id
            """, post.Id, user, Ahead.AddMinutes(-1));
    }
}
