using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.LinkedIn;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>DESIGN §4 rules 1, 2, 3, 7 and 8 against the sandbox LinkedIn with faults injected, on two workers.
/// Each test connects its own sandbox member and scopes its faults to it.</summary>
[Collection(FaultyPlatformsCollection.Name)]
public sealed class PlatformFaultTests(FaultyPlatformsFixture app) : PlatformTest(app)
{
    private FaultyPlatformsFixture App { get; } = app;

    [Fact]
    public async Task A_500_then_success_publishes_exactly_once()
    {
        var account = await ConnectLinkedInUserAsync();
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 500, user = account.MemberId });
        var text = Unique("Five hundred, then fine");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(publication.ExternalId, published.GetProperty("external_id").GetString());
        Assert.Equal(1, published.GetProperty("request_count").GetInt32());
    }

    [Fact]
    public async Task An_ambiguous_timeout_is_reconciled_from_the_duplicate_answer_and_never_double_posts()
    {
        var account = await ConnectLinkedInUserAsync();
        // LinkedIn publishes, then the answer never arrives before our timeout.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, after_success = true, hang = true, user = account.MemberId });
        var text = Unique("Did it go out?");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(published.GetProperty("external_id").GetString(), publication.ExternalId);
        // The re-send was answered DUPLICATE_POST: two requests, one post.
        Assert.Equal(2, published.GetProperty("request_count").GetInt32());
        Assert.Equal("published", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", post.Id));
    }

    [Fact]
    public async Task A_reconciling_send_that_is_throttled_stays_a_reconciliation_and_finds_the_post_that_went_out()
    {
        var account = await ConnectLinkedInUserAsync();
        // LinkedIn publishes and the answer is lost; the reconciling re-send is throttled before LinkedIn looks at it.
        // That proves nothing about the first send, so the next try must still be a reconciliation (whose duplicate
        // answer is this post), not a fresh send (whose duplicate answer would refuse it as an earlier post's).
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, after_success = true, hang = true, user = account.MemberId });
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 429, retry_after_seconds = 1, user = account.MemberId });
        var text = Unique("Lost, then throttled");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(published.GetProperty("external_id").GetString(), publication.ExternalId);
        // The send and the second reconciliation's duplicate reached LinkedIn (the 429 came before it looked): one post.
        Assert.Equal(2, published.GetProperty("request_count").GetInt32());
        Assert.Equal(2, await OwnerScalarAsync<int>("SELECT attempts FROM post_publications WHERE post_id = $1", post.Id));
    }

    [Fact]
    public async Task Retrying_a_post_that_failed_unconfirmed_but_went_out_finds_it_instead_of_posting_it_again()
    {
        var account = await ConnectLinkedInUserAsync();
        // LinkedIn publishes but answers 500; both reconciling re-sends are answered 500 before LinkedIn looks at them.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 500, after_success = true, user = account.MemberId });
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 2, status = 500, user = account.MemberId });
        var text = Unique("Out, but nobody could tell");
        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);
        await PublicationWhenAsync(post.Id, "failed");
        // The Worker still writes the row once its failure email is sent; a retry saved before that is refused as a
        // conflict (the Api's 409 "try again"), so the user's retry here comes after it.
        await WaitUntilAsync(() => OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM post_publications WHERE post_id = $1", post.Id));

        // The user retries it: the duplicate answer is this post, already out.
        await RescheduleAsync(account.UserId, post.Id, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(published.GetProperty("external_id").GetString(), publication.ExternalId);
        Assert.Equal(2, published.GetProperty("request_count").GetInt32());
    }

    [Fact]
    public async Task A_retry_whose_duplicate_answer_names_another_of_our_posts_is_refused_and_not_marked_published()
    {
        var account = await ConnectLinkedInUserAsync();
        // LinkedIn fails the first send before publishing, then both reconciling re-sends before looking at them: the
        // post ends unconfirmed, and it never went out.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 3, status = 500, user = account.MemberId });
        var text = Unique("Never out, said again later");
        var unconfirmed = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);
        await PublicationWhenAsync(unconfirmed.Id, "failed");
        await WaitUntilAsync(() => OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM post_publications WHERE post_id = $1", unconfirmed.Id));
        Assert.Empty(await PublishedAsync(text));
        // Another post of ours says the same and goes out.
        var other = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);
        var otherPublication = await PublicationWhenAsync(other.Id, "published");

        // The user retries the first: LinkedIn's duplicate answer names the other post, which is not this one.
        await RescheduleAsync(account.UserId, unconfirmed.Id, DateTimeOffset.UtcNow);

        var refused = await PublicationWhenAsync(unconfirmed.Id, "failed");
        Assert.Null(refused.ExternalId);
        Assert.Contains($"https://www.linkedin.com/feed/update/{otherPublication.ExternalId}/", refused.Error);
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(otherPublication.ExternalId, published.GetProperty("external_id").GetString());
    }

    [Fact]
    public async Task A_retry_edited_to_the_text_of_a_post_the_member_wrote_themselves_is_refused_and_not_marked_published()
    {
        var account = await ConnectLinkedInUserAsync();
        // The first text goes out although LinkedIn answers 500, and both reconciling re-sends fail before LinkedIn
        // looks at them: the post ends unconfirmed.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 500, after_success = true, user = account.MemberId });
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 2, status = 500, user = account.MemberId });
        var post = await ScheduleAsync(account.UserId, Unique("First wording"), DateTimeOffset.UtcNow);
        await PublicationWhenAsync(post.Id, "failed");
        await WaitUntilAsync(() => OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM post_publications WHERE post_id = $1", post.Id));
        // Meanwhile the member posted on LinkedIn by hand, not through us.
        var theirs = Unique("Written on LinkedIn itself");
        var theirUrn = await SandboxLinkedIn().CreatePostAsync(account.AccessToken, LinkedInClient.PersonUrn(account.MemberId),
            LittleText.Commentary(theirs, []), [], Ct);

        // The user rewords the post to that same text and retries it: the earlier send was another text, so LinkedIn's
        // duplicate answer names the member's own post, not this one.
        await EditContentAsync(account.UserId, post.Id, theirs);
        await RescheduleAsync(account.UserId, post.Id, DateTimeOffset.UtcNow);

        var refused = await PublicationWhenAsync(post.Id, "failed");
        Assert.Null(refused.ExternalId);
        Assert.Contains($"https://www.linkedin.com/feed/update/{theirUrn}/", refused.Error);
    }

    /// <summary>Changes the post's text the way the Api's PATCH does.</summary>
    private async Task EditContentAsync(Guid userId, Guid postId, string content)
    {
        var db = AsUser(userId);
        var post = await db.Posts.SingleAsync(p => p.Id == postId, Ct);
        post.Content = content;
        await new PublicationScheduler(db).OnPostEditedAsync(post, Ct);
    }

    [Fact]
    public async Task A_first_send_answered_duplicate_is_refused_for_the_earlier_post_and_not_marked_published()
    {
        var account = await ConnectLinkedInUserAsync();
        var text = Unique("Said once already");
        var first = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);
        var earlier = await PublicationWhenAsync(first.Id, "published");

        // The same text again, as a new post: LinkedIn refuses it as a duplicate of the first one.
        var second = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var refused = await PublicationWhenAsync(second.Id, "failed");
        Assert.Null(refused.ExternalId);
        Assert.Contains($"https://www.linkedin.com/feed/update/{earlier.ExternalId}/", refused.Error);
        Assert.Equal("failed", await OwnerScalarAsync<string>("SELECT status::text FROM posts WHERE id = $1", second.Id));
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(earlier.ExternalId, published.GetProperty("external_id").GetString());
    }

    [Fact]
    public async Task Three_consecutive_refusals_end_in_failed_with_the_reason_and_an_email()
    {
        var account = await ConnectLinkedInUserAsync();
        await OwnerScalarAsync<int>("UPDATE users SET time_zone = 'Europe/Zurich' WHERE id = $1 RETURNING 1", account.UserId);
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 3, status = 429, retry_after_seconds = 1, user = account.MemberId });
        var text = Unique("Throttled three times");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "failed");
        Assert.Contains("gave up after 3 attempts", publication.Error);
        Assert.Empty(await PublishedAsync(text));
        await WaitUntilAsync(async () => (await MailSubjectsAsync(account.Email)).Contains("Your LinkedIn post was not published"));
        // The email gives the time as the user reads it in the app: in their zone, named, not in UTC.
        var scheduledAt = new DateTimeOffset(
            await OwnerScalarAsync<DateTime>("SELECT scheduled_at FROM post_publications WHERE post_id = $1", post.Id), TimeSpan.Zero);
        var zurich = TimeZoneInfo.ConvertTime(scheduledAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"));
        var body = await MailTextAsync(account.Email, "Your LinkedIn post was not published");
        Assert.Contains($"{zurich.ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (Europe/Zurich)", body);
        Assert.DoesNotContain("UTC", body);
        Assert.Contains("throttling", await OwnerScalarAsync<string>("SELECT error_message FROM posts WHERE id = $1", post.Id));
        // The email job settles the notice the failure recorded, so the sweeper will not send it again.
        await WaitUntilAsync(() => OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM post_publications WHERE post_id = $1", post.Id));
    }

    [Fact]
    public async Task A_token_expiring_within_the_hour_is_refreshed_before_publishing()
    {
        var account = await ConnectLinkedInUserAsync();
        await OwnerScalarAsync<int>("UPDATE social_connections SET expires_at = now() + interval '10 minutes' WHERE id = $1 RETURNING 1", account.ConnectionId);
        var text = Unique("Fresh token");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        await PublicationWhenAsync(post.Id, "published");
        Assert.Single(await PublishedAsync(text));
        var stored = await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE id = $1", account.ConnectionId);
        Assert.NotEqual(account.AccessToken, Tokens.Unprotect(stored));
        Assert.True(await OwnerScalarAsync<bool>("SELECT expires_at > now() + interval '1 day' FROM social_connections WHERE id = $1", account.ConnectionId));
    }

    [Fact]
    public async Task A_token_the_platform_refuses_to_refresh_asks_the_user_to_reconnect_and_fails_the_post()
    {
        var account = await ConnectLinkedInUserAsync();
        // Access and refresh tokens both die on LinkedIn's side; our database still believes in them.
        (await Sandbox.PostAsJsonAsync("/sandbox/tokens/expire", new { platform = "linkedin", member = account.MemberId }, Ct)).EnsureSuccessStatusCode();
        var text = Unique("Nobody can post this");

        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow);

        var publication = await PublicationWhenAsync(post.Id, "failed");
        Assert.Contains("reconnect", publication.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(await OwnerScalarAsync<bool>("SELECT reconnect_needed FROM social_connections WHERE id = $1", account.ConnectionId));
        Assert.Empty(await PublishedAsync(text));
        await WaitUntilAsync(async () => (await MailSubjectsAsync(account.Email)) is var subjects
            && subjects.Contains("Reconnect your LinkedIn account") && subjects.Contains("Your LinkedIn post was not published"));
        // Both notices are settled once their emails went out, so the sweeper will not send them again.
        await WaitUntilAsync(() => OwnerScalarAsync<bool>(
            "SELECT notice_due_at IS NULL FROM social_connections WHERE id = $1", account.ConnectionId));
    }

    [Fact]
    public async Task A_rescheduled_post_publishes_once_at_its_new_time()
    {
        var account = await ConnectLinkedInUserAsync();
        var text = Unique("Moved later");
        // Far enough ahead that a busy machine still reschedules before the old time.
        var post = await ScheduleAsync(account.UserId, text, DateTimeOffset.UtcNow.AddSeconds(3));
        var newTime = DateTimeOffset.UtcNow.AddSeconds(5);

        await RescheduleAsync(account.UserId, post.Id, newTime);

        await PublicationWhenAsync(post.Id, "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.True(published.GetProperty("published_at").GetDateTimeOffset() >= newTime);
    }

    [Fact]
    public async Task A_deleted_scheduled_post_never_publishes()
    {
        var account = await ConnectLinkedInUserAsync();
        var deletedText = Unique("Deleted before its time");
        var deleted = await ScheduleAsync(account.UserId, deletedText, DateTimeOffset.UtcNow.AddSeconds(3));
        var db = AsUser(account.UserId);
        db.Posts.Remove(await db.Posts.FindAsync([deleted.Id], Ct) ?? throw new InvalidOperationException("post vanished"));
        await db.SaveChangesAsync(Ct);

        // A later post of the same user going out proves the deleted one's time has come and gone.
        var later = await ScheduleAsync(account.UserId, Unique("Published after it"), DateTimeOffset.UtcNow.AddSeconds(4));

        await PublicationWhenAsync(later.Id, "published");
        Assert.Empty(await PublishedAsync(deletedText));
        Assert.Equal(0L, await OwnerScalarAsync<long>("SELECT count(*) FROM post_publications WHERE post_id = $1", deleted.Id));
    }

    /// <summary>A user signed up through the Api (so it can call "publish now") and connected to a fresh sandbox member.</summary>
    private async Task<(TestUser User, LinkedInAccount Account)> ApiUserConnectedToLinkedInAsync()
    {
        var user = await App.RegisterAsync();
        return (user, await ConnectLinkedInUserAsync(user.Id));
    }

    private static Task<HttpResponseMessage> PublishNowAsync(TestUser user, string postId) =>
        user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = postId }, cancellationToken: Ct);

    /// <summary>The spec's error body for a publish-now refusal with <paramref name="status"/> and <paramref name="type"/>; its detail.</summary>
    private static async Task<string> PublishErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal((int)status, error["status"]!.GetValue<int>());
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.Equal("/api/social/linkedin/publish", error["instance"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["title"]!.GetValue<string>()));
        Assert.Empty(error["errors"]!.AsArray());
        return error["detail"]!.GetValue<string>();
    }

    [Fact]
    public async Task Publish_now_answers_503_with_Retry_After_while_the_platform_is_failing_and_the_post_is_retried()
    {
        const int retryAfterSeconds = 6;
        var (user, account) = await ApiUserConnectedToLinkedInAsync();
        // One throttled answer: certainly not published, retried no sooner than LinkedIn's Retry-After.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 429, retry_after_seconds = retryAfterSeconds, user = account.MemberId });
        var text = Unique("Throttled, then out");
        var postId = await CalendarApiTests.CreatePostAsync(user, text);

        var response = await PublishNowAsync(user, postId);

        var detail = await PublishErrorAsync(response, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Contains("LinkedIn is throttling this account", detail, StringComparison.Ordinal);
        Assert.Contains("retried automatically", detail, StringComparison.Ordinal);
        // Seconds until the scheduled retry, which honours LinkedIn's Retry-After (the back-off alone is 0.2 s).
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 3, retryAfterSeconds);
        Assert.Empty(await PublishedAsync(text));

        var publication = await PublicationWhenAsync(Guid.Parse(postId), "published");
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(publication.ExternalId, published.GetProperty("external_id").GetString());
        Assert.Equal(1, published.GetProperty("request_count").GetInt32());
    }

    [Fact]
    public async Task Publish_now_answers_422_with_the_platforms_reason_when_it_refuses_the_post()
    {
        var (user, account) = await ApiUserConnectedToLinkedInAsync();
        var reason = Unique("ERROR :: /commentary :: the content is not allowed");
        var body = new JsonObject { ["status"] = 422, ["message"] = reason }.ToJsonString();
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 422, body, user = account.MemberId });
        var text = Unique("Refused by LinkedIn");
        var postId = await CalendarApiTests.CreatePostAsync(user, text);

        var response = await PublishNowAsync(user, postId);

        var detail = await PublishErrorAsync(response, HttpStatusCode.UnprocessableEntity, "business_rule_violation");
        Assert.Equal($"LinkedIn refused the post: {reason}", detail);
        // A refusal of the post is final at once (no retry), and the account stays connected.
        Assert.Equal(1, await OwnerScalarAsync<int>("SELECT attempts FROM post_publications WHERE post_id = $1 AND status = 'failed'", Guid.Parse(postId)));
        Assert.False(await OwnerScalarAsync<bool>("SELECT reconnect_needed FROM social_connections WHERE id = $1", account.ConnectionId));
        Assert.Empty(await PublishedAsync(text));
    }

    [Fact]
    public async Task Publish_now_answers_502_when_the_send_cannot_be_confirmed()
    {
        var (user, account) = await ApiUserConnectedToLinkedInAsync();
        // LinkedIn publishes but answers 500; both reconciling re-sends are answered 500 too, before LinkedIn looks
        // at them, so no DUPLICATE_POST ever names the post and the attempts run out unconfirmed.
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 500, after_success = true, user = account.MemberId });
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 2, status = 500, user = account.MemberId });
        // Three sends, two of them reconciliations, each after the fixture's ReconcileDelay: well within PublishNowWait.
        var text = Unique("Did it go out? Nobody knows");
        var postId = await CalendarApiTests.CreatePostAsync(user, text);

        var response = await PublishNowAsync(user, postId);

        var detail = await PublishErrorAsync(response, HttpStatusCode.BadGateway, "bad_gateway");
        Assert.Equal(PublicationRules.UnconfirmedMessage, detail);
        Assert.Equal(3, await OwnerScalarAsync<int>("SELECT attempts FROM post_publications WHERE post_id = $1 AND status = 'failed'", Guid.Parse(postId)));
        // Which is why the user is told to look: the first send did go out, once, and was never sent again.
        var published = Assert.Single(await PublishedAsync(text));
        Assert.Equal(1, published.GetProperty("request_count").GetInt32());
    }
}
