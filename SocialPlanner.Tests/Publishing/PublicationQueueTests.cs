using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Tests.Publishing;

/// <summary>The queue's writes against the database, the test playing the dispatcher. Rule 1: only the claim that
/// holds a row may mark it as being sent, even when an older claim of the same row by the same process is still around
/// (an edit re-armed the row, and the dispatcher claimed it again while its first claim was still uploading an image).
/// Rule 6: a finished publication and its post's state are never seen apart.</summary>
public sealed class PublicationQueueTests(AppFixture app) : DataTest(app)
{
    /// <summary>Each test its own dispatcher: releasing acts on every lease of one.</summary>
    private readonly string _dispatcher = $"host:1234:{Guid.NewGuid():N}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Far enough ahead that the running Worker never finds the row due while the test plays the dispatcher.</summary>
    private static readonly DateTimeOffset FarAhead = DateTimeOffset.UtcNow.AddYears(50);

    [Fact]
    public async Task An_older_claim_of_a_re_armed_row_cannot_mark_it_sending_once_the_same_dispatcher_claimed_it_again()
    {
        var user = await CreateUserAsync();
        var post = await CreatePostAsync(user, "Version one");
        await ScheduleAsync(user, post.Id);
        var publication = await OwnerScalarAsync<Guid>("SELECT id FROM post_publications WHERE post_id = $1", post.Id);

        var first = LeaseOf(_dispatcher, Guid.NewGuid());
        await HoldAsync(publication, first);
        await ScheduleAsync(user, post.Id); // the user's edit re-arms the row: pending, lease cleared
        var second = LeaseOf(_dispatcher, Guid.NewGuid());
        await HoldAsync(publication, second);

        var queue = new PublicationQueue(As(DbRole.Worker));
        Assert.False(await queue.MarkSendingAsync(publication, first, DateTimeOffset.UtcNow, null, Ct));
        Assert.True(await queue.MarkSendingAsync(publication, second, DateTimeOffset.UtcNow, null, Ct));
    }

    /// <summary>The scheduler reads a post's rows, then writes them. A Worker that marks a row "sending" in between
    /// (it claimed the row earlier and is about to call the platform) must win: re-arming the row then would make the
    /// dispatchers send the post a second time, and cancelling it would leave a live post the app calls cancelled.</summary>
    [Theory]
    [InlineData("reschedule")]
    [InlineData("unschedule")]
    [InlineData("delete")]
    public async Task A_change_that_read_a_claimed_row_is_refused_when_the_worker_marks_it_sending_before_the_change_is_saved(string change)
    {
        var user = await CreateUserAsync();
        var publication = await ClaimedPublicationAsync(user, LeaseA);
        var postId = await OwnerScalarAsync<Guid>("SELECT post_id FROM post_publications WHERE id = $1", publication);
        var db = AsUser(user);
        var post = await db.Posts.SingleAsync(p => p.Id == postId, Ct);
        var queue = new PublicationQueue(As(DbRole.Worker));
        var marked = false;
        void MarkSending(object? sender, SavingChangesEventArgs e)
        {
            // The Worker's step, on its own connection, between the scheduler's read and its write.
            db.SavingChanges -= MarkSending;
            marked = queue.MarkSendingAsync(publication, LeaseA, DateTimeOffset.UtcNow, null, Ct).GetAwaiter().GetResult();
        }
        db.SavingChanges += MarkSending;

        var scheduler = new PublicationScheduler(db);
        Func<Task> write = change switch
        {
            "reschedule" => () => scheduler.ScheduleAsync(post, FarAhead.AddDays(1), Ct),
            "unschedule" => () => scheduler.UnscheduleAsync(post, Ct),
            _ => () => scheduler.OnPostDeletedAsync(post, Ct),
        };
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(write);

        Assert.True(marked, "The Worker's step did not run between the read and the write");
        Assert.Equal("sending", await StatusOfAsync(publication));
        Assert.Equal(LeaseA, await OwnerScalarAsync<string>("SELECT lease_owner FROM post_publications WHERE id = $1", publication));
    }

    /// <summary>A post whose other platform failed for good is "failed", yet its LinkedIn row may still be open. Editing
    /// it must revoke that row's claim (the claim holds the old text) and must refuse while the row is being sent (a
    /// reconciliation would then send the new text as a second post).</summary>
    [Fact]
    public async Task Editing_a_failed_post_revokes_the_claim_on_its_still_open_publication_and_is_refused_while_it_is_being_sent()
    {
        var user = await CreateUserAsync();
        var publication = await ClaimedPublicationAsync(user, LeaseA);
        var postId = await OwnerScalarAsync<Guid>("SELECT post_id FROM post_publications WHERE id = $1", publication);
        await OwnerScalarAsync<int>("WITH failed AS (UPDATE posts SET status = 'failed', error_message = 'Instagram: refused' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM failed", postId);

        var db = AsUser(user);
        var post = await db.Posts.SingleAsync(p => p.Id == postId, Ct);
        post.Content = "Version two";
        await new PublicationScheduler(db).OnPostEditedAsync(post, Ct);
        Assert.Equal("pending", await StatusOfAsync(publication));
        var queue = new PublicationQueue(As(DbRole.Worker));
        Assert.False(await queue.MarkSendingAsync(publication, LeaseA, DateTimeOffset.UtcNow, null, Ct));

        await HoldAsync(publication, LeaseB);
        Assert.True(await queue.MarkSendingAsync(publication, LeaseB, DateTimeOffset.UtcNow, null, Ct));
        var again = AsUser(user);
        var sending = await again.Posts.SingleAsync(p => p.Id == postId, Ct);
        sending.Content = "Version three";
        await Assert.ThrowsAsync<PublicationInFlightException>(() => new PublicationScheduler(again).OnPostEditedAsync(sending, Ct));
        Assert.Equal("sending", await StatusOfAsync(publication));
    }

    /// <summary>A row retried after an earlier send keeps <c>sending_at</c>, so LinkedIn's duplicate answer to the
    /// retry can be found to be that send's post. Once the post is reworded the earlier send was another text, and
    /// keeping the mark would take a duplicate of some other post with the new text for this one.</summary>
    [Theory]
    [InlineData("scheduled")]
    [InlineData("draft")]
    public async Task Rewording_a_post_forgets_its_rows_earlier_sends_and_other_edits_keep_them(string state)
    {
        var user = await CreateUserAsync();
        var post = await CreatePostAsync(user, "Before");
        await ScheduleAsync(user, post.Id);
        var publication = await OwnerScalarAsync<Guid>("SELECT id FROM post_publications WHERE post_id = $1", post.Id);
        await OwnerScalarAsync<int>("UPDATE post_publications SET sending_at = now() - interval '1 hour' WHERE id = $1 RETURNING 1", publication);
        var db = AsUser(user);
        var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id, Ct);
        var scheduler = new PublicationScheduler(db);
        if (state == "draft")
        {
            await scheduler.UnscheduleAsync(tracked, Ct);
        }
        const string marked = "SELECT sending_at IS NOT NULL FROM post_publications WHERE id = $1";

        tracked.Rating = 4;
        await scheduler.OnPostEditedAsync(tracked, Ct);
        Assert.True(await OwnerScalarAsync<bool>(marked, publication));
        // A trailing space changes nothing the platforms compare.
        tracked.Content = "Before  ";
        await scheduler.OnPostEditedAsync(tracked, Ct);
        Assert.True(await OwnerScalarAsync<bool>(marked, publication));

        tracked.Hashtags = ["#reworded"];
        await scheduler.OnPostEditedAsync(tracked, Ct);
        Assert.False(await OwnerScalarAsync<bool>(marked, publication));
    }

    [Fact]
    public async Task A_dispatcher_renews_and_releases_every_claim_it_holds_and_nobody_elses()
    {
        var user = await CreateUserAsync();
        var ours = await ClaimedPublicationAsync(user, LeaseOf(_dispatcher, Guid.NewGuid()));
        var theirs = await ClaimedPublicationAsync(user, LeaseOf($"host:1234:{Guid.NewGuid():N}", Guid.NewGuid()));
        var queue = new PublicationQueue(As(DbRole.Worker));

        var until = FarAhead.AddDays(1);
        await queue.RenewAsync(_dispatcher, [ours, theirs], until, Ct);
        var released = await queue.ReleaseAsync(_dispatcher, Ct);

        Assert.Equal(1, released);
        Assert.Equal("pending", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", ours));
        Assert.Equal("claimed", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", theirs));
        Assert.False(await OwnerScalarAsync<bool>("SELECT lease_expires_at = $2 FROM post_publications WHERE id = $1", theirs, until));
    }

    [Fact]
    public async Task A_publication_of_a_post_for_both_platforms_commits_with_its_posts_state_never_before_it()
    {
        var user = await CreateUserAsync();
        var post = await CreatePostAsync(user);
        var db = AsUser(user);
        var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id, Ct);
        tracked.Platform = PostPlatform.Both;
        await new PublicationScheduler(db).ScheduleAsync(tracked, FarAhead, Ct);
        var claims = new List<ClaimedPublication>();
        foreach (var platform in new[] { SocialPlatform.Linkedin, SocialPlatform.Instagram })
        {
            var id = await OwnerScalarAsync<Guid>("SELECT id FROM post_publications WHERE post_id = $1 AND platform = $2", post.Id, platform);
            var lease = LeaseOf(_dispatcher, Guid.NewGuid());
            await HoldAsync(id, lease);
            claims.Add(new ClaimedPublication(id, post.Id, user, platform, false, 0, FarAhead, FarAhead, null, null, lease, HasSiblings: true));
        }

        foreach (var claim in claims)
        {
            // Someone else works on the post (the sibling completing, the Api editing): its row is locked.
            await using var holder = await Owner.OpenConnectionAsync(Ct);
            await using var transaction = await holder.BeginTransactionAsync(Ct);
            await using (var lockPost = new NpgsqlCommand("SELECT 1 FROM posts WHERE id = $1 FOR UPDATE", holder, transaction))
            {
                lockPost.Parameters.Add(new NpgsqlParameter { Value = post.Id });
                await lockPost.ExecuteScalarAsync(Ct);
            }
            var failure = new PublicationChange(PublicationStatus.Failed, FarAhead, 1, Sentence.Verbatim($"{claim.Platform} said no"));
            var completing = new PublicationOutcomes(As(DbRole.Worker)).CompleteAsync(claim, failure, Ct);
            string seenWhileBlocked;
            PostState? state;
            try
            {
                await WaitUntilSomeoneWaitsOnAsync(holder);
                seenWhileBlocked = await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", claim.Id);
            }
            finally
            {
                await transaction.CommitAsync(Ct);
                state = await completing; // never left running on a context the test is about to dispose
            }

            // Blocked on the post: from outside, the publication had not finished yet.
            Assert.Equal("claimed", seenWhileBlocked);
            Assert.NotNull(state);
            Assert.Equal("failed", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", claim.Id));
            Assert.Contains($"{claim.Platform} said no", await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", post.Id));
        }
        Assert.Equal("failed", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", post.Id));
        var whole = await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", post.Id);
        Assert.Contains("LinkedIn: Linkedin said no", whole);
        Assert.Contains("Instagram: Instagram said no", whole);
    }

    [Fact]
    public async Task Marks_written_together_each_take_effect_only_under_their_own_claims_lease()
    {
        var user = await CreateUserAsync();
        var (held, stale, withHandle) = (await ClaimedPublicationAsync(user, LeaseA), await ClaimedPublicationAsync(user, LeaseB),
            await ClaimedPublicationAsync(user, LeaseC));
        var now = DateTimeOffset.UtcNow;

        var marked = await new PublicationQueue(As(DbRole.Worker)).MarkSendingAsync(
            [new SendingMark(held, LeaseA, now, null), new SendingMark(stale, "not-the-lease", now, null),
             new SendingMark(withHandle, LeaseC, now, "container-17")], Ct);

        Assert.Equal([true, false, true], marked);
        Assert.Equal("sending", await StatusOfAsync(held));
        Assert.Equal("claimed", await StatusOfAsync(stale));
        Assert.Equal("sending", await StatusOfAsync(withHandle));
        Assert.Equal("container-17", await OwnerScalarAsync<string>("SELECT external_id FROM post_publications WHERE id = $1", withHandle));
        Assert.True(await OwnerScalarAsync<bool>("SELECT external_id IS NULL FROM post_publications WHERE id = $1", held));
    }

    [Fact]
    public async Task Completions_written_together_each_commit_with_their_posts_state_and_a_lost_lease_writes_nothing()
    {
        var user = await CreateUserAsync();
        var published = await ClaimAsync(user, LeaseA);
        var failed = await ClaimAsync(user, LeaseB);
        var lost = await ClaimAsync(user, LeaseC);
        await OwnerScalarAsync<int>("WITH r AS (UPDATE post_publications SET lease_owner = 'someone-else' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM r", lost.Id);
        var at = DateTimeOffset.UtcNow;

        var states = await new PublicationOutcomes(As(DbRole.Worker)).CompleteAloneAsync(
        [
            new Completion(published, new PublicationChange(PublicationStatus.Published, at, 1, null, "urn:li:share:9", "https://example/9", at)),
            new Completion(failed, new PublicationChange(PublicationStatus.Failed, at, 3, Sentence.Verbatim("token revoked"), NoticeDueAt: at)),
            new Completion(lost, new PublicationChange(PublicationStatus.Published, at, 1, null, "urn:li:share:10", null, at)),
        ], Ct);

        Assert.Equal(PostStatus.Published, states[0]?.Status);
        Assert.Equal(PostStatus.Failed, states[1]?.Status);
        Assert.Null(states[2]);
        Assert.Equal("published|urn:li:share:9|published", await OwnerScalarAsync<string>(StateSql, published.Id));
        Assert.Equal("failed||failed", await OwnerScalarAsync<string>(StateSql, failed.Id));
        Assert.Equal("claimed||scheduled", await OwnerScalarAsync<string>(StateSql, lost.Id));
        Assert.Contains("token revoked", await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", failed.PostId));
        Assert.True(await OwnerScalarAsync<bool>("SELECT lease_owner IS NULL AND notice_due_at IS NOT NULL FROM post_publications WHERE id = $1", failed.Id));
    }

    /// <summary>Issue #12: one claim used to give all its rows one lease, and a group commit joined the posts' new
    /// states to the publications by lease, so posts of one claim completed together could take each other's outcome
    /// (a post read "published" with another post's published_at while its own row was still being retried).</summary>
    [Fact]
    public async Task Completions_of_rows_claimed_together_each_give_their_own_post_its_own_outcome()
    {
        var user = await CreateUserAsync();
        var lease = LeaseA; // what the claim wrote in every row it took
        var published = await ClaimAsync(user, lease);
        var retried = await ClaimAsync(user, lease);
        var failed = await ClaimAsync(user, lease);
        var at = DateTimeOffset.UtcNow;

        var states = await new PublicationOutcomes(As(DbRole.Worker)).CompleteAloneAsync(
        [
            new Completion(retried, new PublicationChange(PublicationStatus.Pending, FarAhead.AddMinutes(1), 1, Sentence.Verbatim("LinkedIn answered 503"))),
            new Completion(published, new PublicationChange(PublicationStatus.Published, at, 0, null, "urn:li:share:1", "https://example/1", at)),
            new Completion(failed, new PublicationChange(PublicationStatus.Failed, at, 3, Sentence.Verbatim("refused"), NoticeDueAt: at)),
        ], Ct);

        Assert.Equal([PostStatus.Scheduled, PostStatus.Published, PostStatus.Failed], states.Select(s => s?.Status));
        Assert.Equal("published|urn:li:share:1|published", await OwnerScalarAsync<string>(StateSql, published.Id));
        Assert.Equal("pending||scheduled", await OwnerScalarAsync<string>(StateSql, retried.Id));
        Assert.Equal("failed||failed", await OwnerScalarAsync<string>(StateSql, failed.Id));
        Assert.True(await OwnerScalarAsync<bool>("SELECT published_at IS NULL AND error_message IS NULL FROM posts WHERE id = $1", retried.PostId));
        Assert.Contains("refused", await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", failed.PostId));
    }

    [Fact]
    public async Task Marks_of_rows_claimed_together_answer_for_each_row_not_for_the_claim()
    {
        var user = await CreateUserAsync();
        var kept = await ClaimedPublicationAsync(user, LeaseA);
        var taken = await ClaimedPublicationAsync(user, LeaseA);
        await ScheduleAsync(user, await OwnerScalarAsync<Guid>("SELECT post_id FROM post_publications WHERE id = $1", taken)); // re-armed by an edit
        var now = DateTimeOffset.UtcNow;

        var marked = await new PublicationQueue(As(DbRole.Worker)).MarkSendingAsync(
            [new SendingMark(kept, LeaseA, now, null), new SendingMark(taken, LeaseA, now, null)], Ct);

        Assert.Equal([true, false], marked);
        Assert.Equal("sending", await StatusOfAsync(kept));
        Assert.Equal("pending", await StatusOfAsync(taken));
    }

    [Fact]
    public async Task A_claim_gives_every_row_it_takes_a_lease_of_its_own()
    {
        var user = await CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await ScheduleAsync(user, (await CreatePostAsync(user)).Id);
        }
        var db = As(DbRole.Worker);
        // Rolled back: the claim must not keep rows other tests (or the running Worker) work on.
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var claimed = await new PublicationQueue(db).ClaimAsync(_dispatcher, FarAhead, TimeSpan.FromMinutes(1),
            new Dictionary<SocialPlatform, int> { [SocialPlatform.Linkedin] = 3 }, Ct);

        Assert.Equal(3, claimed.Count);
        Assert.Equal(3, claimed.Select(c => c.Lease).Distinct().Count());
        Assert.All(claimed, c => Assert.StartsWith(_dispatcher + "/", c.Lease));
        await using var command = new NpgsqlCommand("SELECT id, lease_owner FROM post_publications WHERE id = ANY($1)",
            (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.Select(c => c.Id).ToArray() });
        var written = new Dictionary<Guid, string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                written[reader.GetGuid(0)] = reader.GetString(1);
            }
        }
        Assert.All(claimed, c => Assert.Equal(c.Lease, written[c.Id]));
        await transaction.RollbackAsync(Ct);
    }

    /// <summary>Issue #12's aftermath: a post whose state disagrees with its publications, whichever way, is found and
    /// re-derived by the sweeper, and only the posts actually changed are reported (and counted in the metric).</summary>
    [Fact]
    public async Task The_sweeper_repairs_a_post_whose_state_disagrees_with_its_publications_whichever_way()
    {
        var user = await CreateUserAsync();
        var stillRetried = await ClaimAsync(user, LeaseA);
        var wentOut = await ClaimAsync(user, LeaseB);
        var consistent = await ClaimAsync(user, LeaseC);
        // Another post's outcome written on this one while its own row is still being retried…
        await OwnerScalarAsync<int>("""
            WITH a AS (UPDATE post_publications SET status = 'pending', lease_owner = NULL, attempts = 1 WHERE id = $1 RETURNING 1),
                 b AS (UPDATE posts SET status = 'published', published_at = now() WHERE id = $2 RETURNING 1)
            SELECT count(*)::int FROM a, b
            """, stillRetried.Id, stillRetried.PostId);
        // …and a post that went out while its post kept reading scheduled.
        await OwnerScalarAsync<int>("""
            WITH a AS (UPDATE post_publications SET status = 'published', published_at = now(), lease_owner = NULL WHERE id = $1 RETURNING 1)
            SELECT count(*)::int FROM a
            """, wentOut.Id);

        var repairedFor = await new PublicationOutcomes(As(DbRole.Worker)).RepairPostStatesAsync(DateTimeOffset.UtcNow.AddDays(-1), Ct);

        Assert.Equal(2, repairedFor.Count(u => u == user));
        Assert.Equal("pending||scheduled", await OwnerScalarAsync<string>(StateSql, stillRetried.Id));
        Assert.True(await OwnerScalarAsync<bool>("SELECT published_at IS NULL FROM posts WHERE id = $1", stillRetried.PostId));
        Assert.Equal("published||published", await OwnerScalarAsync<string>(StateSql, wentOut.Id));
        Assert.Equal("claimed||scheduled", await OwnerScalarAsync<string>(StateSql, consistent.Id));
    }

    [Fact]
    public async Task A_publication_with_a_live_sibling_is_refused_a_place_in_a_batch()
    {
        var claim = new ClaimedPublication(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SocialPlatform.Linkedin, false, 0,
            FarAhead, FarAhead, null, null, LeaseA, HasSiblings: true);
        var change = new PublicationChange(PublicationStatus.Failed, FarAhead, 1, Sentence.Verbatim("no"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new PublicationOutcomes(As(DbRole.Worker)).CompleteAloneAsync([new Completion(claim, change)], Ct));
    }

    /// <summary>A publication's status and external id, and its post's status.</summary>
    private const string StateSql = """
        SELECT p.status::text || '|' || coalesce(p.external_id, '') || '|' || posts.status::text
        FROM post_publications p JOIN posts ON posts.id = p.post_id WHERE p.id = $1
        """;

    /// <summary>A lease as a claim writes it: the dispatcher, then what tells this claim of the row from any other.</summary>
    private static string LeaseOf(string owner, Guid claim) => $"{owner}/{claim:N}";

    private string LeaseA => LeaseOf(_dispatcher, A);
    private string LeaseB => LeaseOf(_dispatcher, B);
    private string LeaseC => LeaseOf(_dispatcher, C);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private Task<string> StatusOfAsync(Guid publication) =>
        OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", publication);

    /// <summary>A scheduled LinkedIn-only post's publication, claimed under <paramref name="lease"/>, as the dispatcher sees it.</summary>
    private async Task<ClaimedPublication> ClaimAsync(Guid user, string lease)
    {
        var id = await ClaimedPublicationAsync(user, lease);
        var post = await OwnerScalarAsync<Guid>("SELECT post_id FROM post_publications WHERE id = $1", id);
        return new ClaimedPublication(id, post, user, SocialPlatform.Linkedin, false, 0, FarAhead, FarAhead, null, null, lease, HasSiblings: false);
    }

    /// <summary>Until another session waits on a lock the <paramref name="holder"/> session holds. Asked from outside it:
    /// within a transaction Postgres keeps showing the activity it first saw.</summary>
    private async Task WaitUntilSomeoneWaitsOnAsync(NpgsqlConnection holder)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (await OwnerScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", holder.ProcessID) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }
    }

    private async Task<Guid> ClaimedPublicationAsync(Guid user, string lease)
    {
        var post = await CreatePostAsync(user);
        await ScheduleAsync(user, post.Id);
        var publication = await OwnerScalarAsync<Guid>("SELECT id FROM post_publications WHERE post_id = $1", post.Id);
        await HoldAsync(publication, lease);
        return publication;
    }

    private async Task ScheduleAsync(Guid user, Guid postId)
    {
        var db = AsUser(user);
        var post = await db.Posts.SingleAsync(p => p.Id == postId, Ct);
        await new PublicationScheduler(db).ScheduleAsync(post, FarAhead, Ct);
    }

    /// <summary>What the dispatcher's claim statement writes, for one row.</summary>
    private async Task HoldAsync(Guid publication, string lease) => Assert.Equal(1, await OwnerScalarAsync<int>(
        "WITH held AS (UPDATE post_publications SET status = 'claimed', lease_owner = $2, lease_expires_at = $3 WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM held",
        publication, lease, FarAhead));
}
