using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Media;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Posts;

[Collection(AppCollection.Name)]
public class PostsApiTests(AppFixture app)
{
    private static async Task<JsonNode> CreatePostAsync(TestUser user, object? body = null)
    {
        var response = await user.Http.PostAsJsonAsync("/api/content/posts", body ?? new { platform = "linkedin", content = "Hello developers" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["data"]!;
    }

    private static string Id(JsonNode post) => post["id"]!.GetValue<string>();

    [Fact]
    public async Task Creating_a_post_answers_201_with_a_full_draft()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user, new
        {
            platform = "both", content = "Mon nouveau post", hashtags = new[] { "IntegrIA", "Tech" },
            media_ids = new[] { await user.UploadImageAsync() },
            idea_source = "Idée originale", ai_generated = true,
        });
        Assert.Equal("draft", post["status"]!.GetValue<string>());
        Assert.Equal("both", post["platform"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), post["user_id"]!.GetValue<string>());
        Assert.Equal(["IntegrIA", "Tech"], post["hashtags"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.True(post["ai_generated"]!.GetValue<bool>());
        Assert.Single(post["media"]!.AsArray());
        Assert.Null(post["template"]);
        Assert.NotNull(post["metadata"]);
    }

    [Fact]
    public async Task Creating_a_post_without_content_or_with_an_unknown_platform_answers_400_per_field()
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "myspace", hashtags = new[] { "two words" } }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.ReadErrorAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["content", "hashtags", "platform"], fields.Order());
    }

    [Fact]
    public async Task More_than_ten_or_foreign_media_ids_answer_400()
    {
        var user = await app.RegisterAsync();
        var tooMany = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "x", media_ids = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()) }, cancellationToken: Ct);
        Assert.Equal("media_ids", (await tooMany.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
        var unknown = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "x", media_ids = new[] { Guid.NewGuid() } }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task An_Instagram_caption_over_the_limit_answers_422_naming_the_rule()
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "instagram", content = new string('a', 2_315), media_ids = new[] { await user.UploadImageAsync() } }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("business_rule_violation", error["type"]!.GetValue<string>());
        Assert.Equal("Instagram captions are limited to 2,200 characters (this one has 2,315)", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_post_answers_404_like_a_missing_one()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var post = await CreatePostAsync(owner);

        var foreign = await other.Http.GetAsync($"/api/content/posts/{Id(post)}", Ct);
        var missing = await other.Http.GetAsync($"/api/content/posts/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal((await missing.ReadErrorAsync())["detail"]!.ToString(), (await foreign.ReadErrorAsync())["detail"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { content = "mine" }, cancellationToken: Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"/api/content/posts/{Id(post)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/api/content/posts/{Id(post)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Patching_changes_only_the_fields_sent_and_null_clears_the_rating()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user, new { platform = "linkedin", content = "Before", hashtags = new[] { "Keep" } });
        var rated = await user.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { content = "After", rating = 5 }, cancellationToken: Ct);
        var data = (await rated.ReadJsonAsync())["data"]!;
        Assert.Equal("After", data["content"]!.GetValue<string>());
        Assert.Equal(5, data["rating"]!.GetValue<int>());
        Assert.Equal("Keep", data["hashtags"]![0]!.GetValue<string>());

        var cleared = await user.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { rating = (int?)null }, cancellationToken: Ct);
        Assert.Null((await cleared.ReadJsonAsync())["data"]!["rating"]);
    }

    [Fact]
    public async Task Patching_with_a_stale_updated_at_answers_409_naming_both_timestamps()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var seen = post["updated_at"]!.GetValue<string>();
        var first = await user.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { content = "First", updated_at = seen }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var current = (await first.ReadJsonAsync())["data"]!["updated_at"]!.GetValue<string>();

        var stale = await user.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { content = "Second", updated_at = seen }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var detail = (await stale.ReadErrorAsync())["detail"]!.GetValue<string>();
        Assert.Contains(seen, detail);
        Assert.Contains(current, detail);
    }

    [Fact]
    public async Task A_published_post_cannot_be_edited_or_deleted()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        await using (var db = new NpgsqlConnection(await app.GetConnectionStringAsync("socialplanner")))
        {
            await db.OpenAsync(Ct);
            await using var publish = new NpgsqlCommand("UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", db);
            publish.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(Id(post)) });
            Assert.Equal(1, await publish.ExecuteNonQueryAsync(Ct));
        }

        var edit = await user.Http.PatchAsJsonAsync($"/api/content/posts/{Id(post)}", new { content = "Too late" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        var delete = await user.Http.DeleteAsync($"/api/content/posts/{Id(post)}", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, delete.StatusCode);
        Assert.Equal("business_rule_violation", (await delete.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    /// <summary>A post for both networks that went out on LinkedIn and failed on Instagram is "failed", but it is live:
    /// deleting it, or taking it off the calendar (it would become a draft with no date), would lose the record of
    /// a published post. Retrying Instagram (rescheduling) stays possible.</summary>
    [Fact]
    public async Task A_post_live_on_one_network_and_failed_on_the_other_cannot_be_deleted_or_taken_off_the_calendar()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var id = Guid.Parse(Id(post));
        Assert.Equal(2L, await app.OwnerScalarAsync<long>("""
            WITH post AS (
                UPDATE posts SET platform = 'both', status = 'failed', scheduled_at = now() - interval '1 hour',
                    published_at = now() - interval '1 hour', error_message = 'Instagram: refused'
                WHERE id = $1 RETURNING id, user_id),
            rows AS (
                INSERT INTO post_publications (post_id, user_id, platform, status, due_at, scheduled_at, published_at, external_id, error_message)
                SELECT id, user_id, 'linkedin'::social_platform, 'published'::publication_status, now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', 'urn:li:share:1', NULL FROM post
                UNION ALL
                SELECT id, user_id, 'instagram'::social_platform, 'failed'::publication_status, now() - interval '1 hour', now() - interval '1 hour', NULL, NULL, 'refused' FROM post
                RETURNING 1)
            SELECT count(*) FROM rows
            """, id));

        var delete = await user.Http.DeleteAsync($"/api/content/posts/{id}", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, delete.StatusCode);
        var error = await delete.ReadErrorAsync();
        Assert.Equal("business_rule_violation", error["type"]!.GetValue<string>());
        Assert.Contains("LinkedIn", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var unschedule = await user.Http.DeleteAsync($"/api/calendar/posts/{id}/schedule", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unschedule.StatusCode);
        Assert.Contains("LinkedIn", (await unschedule.ReadErrorAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var kept = await user.Http.GetAsync($"/api/content/posts/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("failed", (await kept.ReadJsonAsync())["data"]!["status"]!.GetValue<string>());
        Assert.Equal(1L, await app.OwnerScalarAsync<long>(
            "SELECT count(*) FROM post_publications WHERE post_id = $1 AND platform = 'linkedin' AND status = 'published'", id));
    }

    [Fact]
    public async Task Deleting_a_draft_answers_204_and_it_is_gone()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/content/posts/{Id(post)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync($"/api/content/posts/{Id(post)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Rating_accepts_1_to_5_only()
    {
        var user = await app.RegisterAsync();
        var post = await CreatePostAsync(user);
        var ok = await user.Http.PostAsJsonAsync($"/api/content/posts/{Id(post)}/rate", new { rating = 4 }, cancellationToken: Ct);
        Assert.Equal(4, (await ok.ReadJsonAsync())["data"]!["rating"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Http.PostAsJsonAsync($"/api/content/posts/{Id(post)}/rate", new { rating = 6 }, cancellationToken: Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Http.PostAsJsonAsync($"/api/content/posts/{Id(post)}/rate", new { rating = 0 }, cancellationToken: Ct)).StatusCode);
    }

    [Fact]
    public async Task Keyset_pages_do_not_overlap_and_count_the_total()
    {
        var user = await app.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            await CreatePostAsync(user, new { platform = "linkedin", content = $"Post {i}" });
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await user.Http.GetAsync($"/api/content/posts?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}", Ct)).ReadJsonAsync();
            Assert.Equal(5, page["meta"]!["total"]!.GetValue<int>());
            seen.AddRange(page["data"]!.AsArray().Select(p => Id(p!)));
            cursor = page["meta"]!["has_more"]!.GetValue<bool>() ? page["meta"]!["next_cursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    /// <summary>The Api keeps statements prepared on its pooled connections (Database:PreparedStatements): a connection
    /// one user's request used, with the list's statements prepared, must present the next user afresh. Many lists of
    /// two users at once, more than the pool's connections, each prepared statement reused across both.</summary>
    [Fact]
    public async Task Lists_of_two_users_at_once_on_shared_prepared_connections_each_show_only_their_own_posts()
    {
        var first = await app.RegisterAsync();
        var second = await app.RegisterAsync();
        var own = new Dictionary<TestUser, HashSet<string>> { [first] = [], [second] = [] };
        foreach (var (user, count) in new[] { (first, 3), (second, 2) })
        {
            for (var i = 0; i < count; i++)
            {
                own[user].Add(Id(await CreatePostAsync(user, new { platform = "linkedin", content = $"Post {i} de {user.Id}" })));
            }
        }

        var lists = await Task.WhenAll(Enumerable.Range(0, 120).Select(async i =>
        {
            var user = i % 2 == 0 ? first : second;
            var query = i % 3 == 0 ? "?limit=2" : i % 3 == 1 ? "?status=draft" : "";
            var response = await user.Http.GetAsync($"/api/content/posts{query}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            var page = await response.ReadJsonAsync();
            return (user, query, total: page["meta"]!["total"]!.GetValue<int>(), ids: page["data"]!.AsArray().Select(p => Id(p!)).ToList());
        }));

        foreach (var (user, query, total, ids) in lists)
        {
            Assert.Equal(own[user].Count, total);
            Assert.Subset(own[user], ids.ToHashSet());
            Assert.Equal(query == "?limit=2" ? 2 : own[user].Count, ids.Count);
        }
    }

    [Fact]
    public async Task A_limit_over_100_answers_400()
    {
        var user = await app.RegisterAsync();
        var response = await user.Http.GetAsync("/api/content/posts?limit=101", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("limit", (await response.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_filters_by_status_platform_and_French_or_English_search()
    {
        var user = await app.RegisterAsync();
        await CreatePostAsync(user, new { platform = "linkedin", content = "Le développement logiciel en Suisse romande" });
        await CreatePostAsync(user, new { platform = "instagram", content = "Great tools for developers", media_ids = new[] { await user.UploadImageAsync() } });

        async Task<List<string>> Contents(string query) =>
            (await (await user.Http.GetAsync($"/api/content/posts?{query}", Ct)).ReadJsonAsync())["data"]!.AsArray()
                .Select(p => p!["content"]!.GetValue<string>()).ToList();

        Assert.Single(await Contents("search=" + Uri.EscapeDataString("développement")));
        Assert.Single(await Contents("search=developers"));
        Assert.Equal(["Great tools for developers"], await Contents("platform=instagram"));
        Assert.Equal(2, (await Contents("status=draft")).Count);
        Assert.Empty(await Contents("status=published"));
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Http.GetAsync("/api/content/posts?status=lost", Ct)).StatusCode);
    }

    [Fact]
    public async Task Posts_require_a_bearer_token() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateHttpClient("api").GetAsync("/api/content/posts", Ct)).StatusCode);

    [Fact]
    public async Task Framework_404_405_and_415_answer_in_the_error_format()
    {
        var user = await app.RegisterAsync();
        var notFound = await user.Http.GetAsync("/api/nothing-here", Ct);
        Assert.Equal("not_found", (await notFound.ReadErrorAsync())["type"]!.GetValue<string>());
        var notAllowed = await user.Http.PutAsJsonAsync("/api/content/posts", new { }, cancellationToken: Ct);
        Assert.Equal("method_not_allowed", (await notAllowed.ReadErrorAsync())["type"]!.GetValue<string>());
        var unsupported = await user.Http.PostAsync("/api/content/posts", new StringContent("x", System.Text.Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal("unsupported_media_type", (await unsupported.ReadErrorAsync())["type"]!.GetValue<string>());
    }
}
