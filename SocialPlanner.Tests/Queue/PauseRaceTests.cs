using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Publishing;
using SocialPlanner.Tests.Social;

namespace SocialPlanner.Tests.Queue;

/// <summary>A pause racing two Workers' claims (docs/queue.md): what was claimed before the pause committed goes out
/// exactly once, everything else waits, nothing is sent twice; after resuming, everything goes out exactly once.</summary>
[Collection(FaultyPlatformsCollection.Name)]
public sealed class PauseRaceTests(FaultyPlatformsFixture app) : PlatformTest(app)
{
    private readonly FaultyPlatformsFixture _app = app;

    [Fact]
    public async Task Pausing_while_workers_claim_leaves_each_post_published_once_or_waiting_never_both()
    {
        var user = await _app.RegisterAsync();
        var connection = await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        var member = connection["profile"]!["id"]!.GetValue<string>();
        // Each of this member's posts takes 150 ms at the platform, so the Workers (2 × 10 in flight) need about a
        // second for all 120: the pause lands while they are claiming, on any machine, and the race is exercised.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 120, delay_ms = 150, user = member });
        var marker = Unique("Race");
        var postIds = await DueNowAsync(user.Id, marker, count: 120);

        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsync("/api/queue/pause", null, Ct)).StatusCode);
        // What was claimed before the pause finishes; then nothing of the user's is held any more.
        await WaitUntilAsync(async () => await CountAsync("status IN ('claimed', 'sending')", postIds) == 0);

        var published = await CountAsync("status = 'published'", postIds);
        var waiting = await CountAsync("status = 'pending' AND lease_owner IS NULL", postIds);
        Assert.Equal(postIds.Length, published + waiting);
        var received = await PublishedAsync(marker);
        Assert.Equal(published, received.Count);
        Assert.Equal(received.Count, received.Select(p => p.GetProperty("text").GetString()).Distinct().Count());
        Assert.True(waiting > 0, "The pause came after every claim: the race was not exercised");
        // Still waiting after another claim round: the pause holds.
        await AnotherClaimRoundAsync();
        Assert.Equal(waiting, await CountAsync("status = 'pending' AND lease_owner IS NULL", postIds));

        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "publish_now" }, Ct)).StatusCode);
        await WaitUntilAsync(async () => await CountAsync("status = 'published'", postIds) == postIds.Length);
        var all = await PublishedAsync(marker);
        Assert.Equal(postIds.Length, all.Count);
        Assert.Equal(postIds.Length, all.Select(p => p.GetProperty("text").GetString()).Distinct().Count());
    }

    /// <summary>The race the test above can lose on a busy machine (CI, 2026-12-07): a claim statement that began
    /// before the pause committed still takes rows after it. Here the test is that claim: it holds one of the user's
    /// rows locked, as a claim does between reading and committing. The pause must not answer before that claim has
    /// committed, so that what a client reads after the pause (claimed or waiting) is final.</summary>
    [Fact]
    public async Task Pausing_answers_only_after_a_claim_already_under_way_has_committed()
    {
        var user = await _app.RegisterAsync();
        // Due in an hour: no Worker claims it; the test plays the claim that is under way.
        var postIds = await DueAsync(user.Id, Unique("Claim under way"), count: 1, TimeSpan.FromHours(1), notify: false);

        await PauseWhileAClaimHoldsTheRowAsync(user, postIds[0],
            "UPDATE post_publications SET status = 'claimed', lease_owner = 'test/race', lease_expires_at = now() + interval '1 minute' WHERE post_id = $1");

        Assert.Equal(1L, await CountAsync("status = 'claimed' AND lease_owner = 'test/race'", postIds));
    }

    /// <summary>The barrier's other half: a first comment being started (the post is out, its comment owed, and a worker
    /// marks the row "sending" just before its call) holds the publication's row as the post's claim does. The pause
    /// must wait for it too, so that a comment it answers about as waiting is not sent afterwards.</summary>
    [Fact]
    public async Task Pausing_answers_only_after_a_first_comment_claim_already_under_way_has_committed()
    {
        var user = await _app.RegisterAsync();
        var postIds = await DueAsync(user.Id, Unique("Comment claim under way"), count: 1, TimeSpan.FromHours(1), notify: false);
        // Due in an hour (no Worker claims it), then marked out with its comment owed in an hour: the test plays the comment's claim.
        await OwnerScalarAsync<long>("""
            WITH published AS (
                UPDATE post_publications SET status = 'published', published_at = now(), external_id = 'urn:li:share:under-way',
                    comment_status = 'pending', comment_due_at = now() + interval '1 hour'
                WHERE post_id = ANY($1) RETURNING 1)
            SELECT count(*) FROM published
            """, postIds);

        await PauseWhileAClaimHoldsTheRowAsync(user, postIds[0],
            "UPDATE post_publications SET comment_status = 'sending', comment_attempts = 1, comment_due_at = now() + interval '1 minute' WHERE post_id = $1");

        Assert.Equal(1L, await CountAsync("comment_status = 'sending' AND comment_attempts = 1", postIds));
    }

    /// <summary>The test plays a claim under way: it holds the post's row locked, as a claim does between reading and
    /// committing, while the user pauses. Once the pause has committed and waits for that lock, the claim writes
    /// <paramref name="claimSql"/> and commits; the pause must answer 200 only then.</summary>
    private async Task PauseWhileAClaimHoldsTheRowAsync(TestUser user, Guid postId, string claimSql)
    {
        await using var claim = await Owner.OpenConnectionAsync(Ct);
        await using var transaction = await claim.BeginTransactionAsync(Ct);
        await using (var take = new NpgsqlCommand("SELECT id FROM post_publications WHERE post_id = $1 FOR UPDATE", claim, transaction))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = postId });
            await take.ExecuteNonQueryAsync(Ct);
        }

        var pause = user.Http.PostAsync("/api/queue/pause", null, Ct);
        await WaitUntilAsync(async () =>
        {
            await using var waiting = Owner.CreateCommand("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%FROM post_publications%WHERE user_id%FOR UPDATE%'
                """);
            return (long)(await waiting.ExecuteScalarAsync(Ct))! == 1 && await PausedAsync(user.Id);
        });
        Assert.False(pause.IsCompleted, "The pause answered while a claim begun before it was still open");

        await using (var claimed = new NpgsqlCommand(claimSql, claim, transaction))
        {
            claimed.Parameters.Add(new NpgsqlParameter { Value = postId });
            await claimed.ExecuteNonQueryAsync(Ct);
        }
        await transaction.CommitAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await pause).StatusCode);
    }

    private async Task<bool> PausedAsync(Guid userId)
    {
        await using var command = Owner.CreateCommand("SELECT publishing_paused_at IS NOT NULL FROM users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        return (bool)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Posts due now, written in one statement as the scheduler would write them, then one NOTIFY.</summary>
    private Task<Guid[]> DueNowAsync(Guid userId, string marker, int count) => DueAsync(userId, marker, count, TimeSpan.Zero, notify: true);

    private async Task<Guid[]> DueAsync(Guid userId, string marker, int count, TimeSpan dueIn, bool notify)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var texts = ids.Select((_, i) => $"{marker} #{i}").ToArray();
        await using var command = Owner.CreateCommand("""
            WITH posts_in AS (
                INSERT INTO posts (id, user_id, platform, content, status, scheduled_at)
                SELECT i, $2, 'linkedin', c, 'scheduled', now() + $4 FROM unnest($1::uuid[], $3::text[]) AS t(i, c) RETURNING id)
            INSERT INTO post_publications (post_id, user_id, platform, status, due_at, scheduled_at)
            SELECT id, $2, 'linkedin', 'pending', now() + $4, now() + $4 FROM posts_in
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = texts });
        command.Parameters.Add(new NpgsqlParameter { Value = dueIn });
        await command.ExecuteNonQueryAsync(Ct);
        if (notify)
        {
            await using var wake = Owner.CreateCommand("NOTIFY publications_changed");
            await wake.ExecuteNonQueryAsync(Ct);
        }
        return ids;
    }

    /// <summary>Another user's post due now, once published, proves a claim round ran after the pause.</summary>
    private async Task AnotherClaimRoundAsync()
    {
        var other = await _app.RegisterAsync();
        await SocialAccounts.ConnectAsync(other, "linkedin", SocialAccounts.Member());
        var witness = await DueNowAsync(other.Id, Unique("Race witness"), count: 1);
        await WaitUntilAsync(async () => await CountAsync("status = 'published'", witness) == 1);
    }

    private Task<long> CountAsync(string condition, Guid[] postIds) =>
        OwnerScalarAsync<long>($"SELECT count(*) FROM post_publications WHERE post_id = ANY($1) AND {condition}", postIds);
}
