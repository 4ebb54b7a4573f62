using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using SocialPlanner.Tests.Publishing;
using SocialPlanner.Tests.Social;

namespace SocialPlanner.Tests.Queue;

/// <summary>Issue #17's pause through the real Api and Worker: while paused nothing of the user's is sent, and on resume
/// the overdue posts go out now or move to the next free slots, as the user chooses.</summary>
public sealed class PauseResumeTests(AppFixture app) : PlatformTest(app)
{
    private readonly AppFixture _app = app;

    private async Task<TestUser> ConnectedUserAsync()
    {
        var user = await _app.RegisterAsync();
        await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        return user;
    }

    /// <summary>A post of <paramref name="user"/> due a moment from now, and a post of another, unpaused user due at the
    /// same moment: once the witness is published, the Worker has been past that moment.</summary>
    private async Task<(Guid Post, string Marker)> DuePostWithWitnessAsync(TestUser user)
    {
        var witness = await ConnectedUserAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        var marker = Unique("Paused post");
        var post = await CalendarApiTests.CreatePostAsync(user, marker);
        var witnessMarker = Unique("Witness post");
        var witnessPost = await CalendarApiTests.CreatePostAsync(witness, witnessMarker);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(user, post, at)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(witness, witnessPost, at)).StatusCode);

        await PublicationWhenAsync(Guid.Parse(witnessPost), "published");
        return (Guid.Parse(post), marker);
    }

    private async Task PauseAsync(TestUser user) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsync("/api/queue/pause", null, Ct)).StatusCode);

    private async Task AssertWaitingAsync(TestUser user, Guid post, string marker)
    {
        Assert.Equal("pending", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE post_id = $1", post));
        Assert.Empty(await PublishedAsync(marker));
        var state = (await (await user.Http.GetAsync("/api/queue/pause", Ct)).ReadJsonAsync())["data"]!;
        Assert.True(state["paused"]!.GetValue<bool>());
        Assert.Equal(1, state["overdue_posts"]!.GetValue<int>());
    }

    [Fact]
    public async Task While_paused_a_due_post_waits_and_resuming_with_publish_now_sends_it_once()
    {
        var user = await ConnectedUserAsync();
        await PauseAsync(user);
        var (post, marker) = await DuePostWithWitnessAsync(user);
        await AssertWaitingAsync(user, post, marker);

        var resumed = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "publish_now" }, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var body = await resumed.ReadJsonAsync();
        Assert.False(body["data"]!["paused"]!.GetValue<bool>());
        Assert.Equal(1, body["meta"]!["published_now"]!.GetValue<int>());

        await PublicationWhenAsync(post, "published");
        Assert.Single(await PublishedAsync(marker));
    }

    [Fact]
    public async Task Resuming_with_next_slots_moves_the_overdue_post_to_the_next_free_slot_instead()
    {
        var user = await ConnectedUserAsync();
        await QueueApiTests.PutSlotsAsync(user, ("linkedin", "monday", "08:30"), ("linkedin", "thursday", "08:30"));
        await PauseAsync(user);
        var (post, marker) = await DuePostWithWitnessAsync(user);
        await AssertWaitingAsync(user, post, marker);

        var resumed = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "next_slots" }, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var moved = (await resumed.ReadJsonAsync())["meta"]!["rescheduled"]!.AsArray().Single()!;
        Assert.Equal(post.ToString(), moved["post_id"]!.GetValue<string>());
        var at = DateTimeOffset.Parse(moved["scheduled_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(at > DateTimeOffset.UtcNow);
        Assert.Contains(at.UtcDateTime.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Thursday });
        Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(at.UtcDateTime));

        Assert.Equal(at.UtcDateTime, await OwnerScalarAsync<DateTime>("SELECT due_at FROM post_publications WHERE post_id = $1", post));
        Assert.Equal("pending", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE post_id = $1", post));
        Assert.False((await (await user.Http.GetAsync("/api/queue/pause", Ct)).ReadJsonAsync())["data"]!["paused"]!.GetValue<bool>());
    }

    /// <summary>A post for both whose LinkedIn send was in flight when the user paused (its answer was lost, and its
    /// reconciliation waits for the pause to end): moving the post would re-arm a send that may be out, so resuming
    /// used to answer 409 for the whole queue, every time.</summary>
    [Fact]
    public async Task Resuming_with_next_slots_sends_the_overdue_half_of_a_post_whose_other_half_is_in_flight_now()
    {
        var user = await ConnectedUserAsync();
        await QueueApiTests.PutSlotsAsync(user, ("linkedin", "monday", "08:30"), ("instagram", "monday", "08:30"));
        var image = await user.UploadImageAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "both", content = Unique("Half out"), media_ids = new[] { image } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = Guid.Parse((await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await CalendarApiTests.ScheduleAsync(user, post.ToString(), DateTimeOffset.UtcNow.AddDays(30))).StatusCode);
        await PauseAsync(user);
        await OwnerScalarAsync<int>("""
            UPDATE post_publications
            SET status = 'sending', sending_at = now() - interval '2 minutes', due_at = now() + interval '1 hour'
            WHERE post_id = $1 AND platform = 'linkedin' RETURNING 1
            """, post);
        await OwnerScalarAsync<int>(
            "UPDATE post_publications SET due_at = now() - interval '2 minutes' WHERE post_id = $1 AND platform = 'instagram' RETURNING 1", post);
        var linkedInDue = await OwnerScalarAsync<DateTime>("SELECT due_at FROM post_publications WHERE post_id = $1 AND platform = 'linkedin'", post);
        const string instagramScheduled = "SELECT scheduled_at FROM post_publications WHERE post_id = $1 AND platform = 'instagram'";
        var instagramAt = await OwnerScalarAsync<DateTime>(instagramScheduled, post);
        // Meanwhile the post cannot be deleted, and the answer says what ends the wait: "try again" alone never would.
        var deleting = await user.Http.DeleteAsync($"/api/content/posts/{post}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, deleting.StatusCode);
        Assert.Contains("checked once you resume publishing", (await deleting.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var resumed = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "next_slots" }, Ct);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var meta = (await resumed.ReadJsonAsync())["meta"]!;
        Assert.Equal(1, meta["published_now"]!.GetValue<int>());
        Assert.Empty(meta["rescheduled"]!.AsArray());
        Assert.Equal("sending", await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE post_id = $1 AND platform = 'linkedin'", post));
        Assert.Equal(linkedInDue, await OwnerScalarAsync<DateTime>("SELECT due_at FROM post_publications WHERE post_id = $1 AND platform = 'linkedin'", post));
        // The Instagram half was not moved to a slot: it goes out (here, fails for want of an account) at once.
        Assert.Equal(instagramAt, await OwnerScalarAsync<DateTime>(instagramScheduled, post));
        Assert.False((await (await user.Http.GetAsync("/api/queue/pause", Ct)).ReadJsonAsync())["data"]!["paused"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Resuming_with_next_slots_and_no_slot_changes_nothing_and_says_why()
    {
        var user = await ConnectedUserAsync();
        await PauseAsync(user);
        var (post, marker) = await DuePostWithWitnessAsync(user);

        var refused = await user.Http.PostAsJsonAsync("/api/queue/resume", new { overdue = "next_slots" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("no LinkedIn slot", (await refused.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertWaitingAsync(user, post, marker);
    }

    [Fact]
    public async Task Publish_now_is_refused_while_paused()
    {
        var user = await ConnectedUserAsync();
        await PauseAsync(user);
        var post = await CalendarApiTests.CreatePostAsync(user, Unique("Not now"));
        var refused = await user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = post }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("draft", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", Guid.Parse(post)));
    }
}
