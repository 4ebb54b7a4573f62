using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Web;

namespace SocialPlanner.Tests.Ai;

/// <summary>The AI endpoints through the running app (its provider is the local composer: no key configured).</summary>
[Collection(AppCollection.Name)]
public sealed class AiApiTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generating_ideas_answers_the_spec_shape_with_quota_meta_and_leaves_an_audit_row()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-ideas",
            new { context = "accompagnement tech entrepreneurs", themes = new[] { "productivité", "IA", "digital" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var ideas = body["data"]!["ideas"]!.AsArray();
        Assert.Equal(15, ideas.Count);
        Assert.Equal("temp-1", ideas[0]!["id"]!.GetValue<string>());
        Assert.Contains(ideas[0]!["target_platform"]!.GetValue<string>(), new[] { "linkedin", "instagram" });
        Assert.Equal(1, body["meta"]!["quota_used"]!.GetValue<int>());
        Assert.Equal(99, body["meta"]!["quota_remaining"]!.GetValue<int>());
        var now = DateTimeOffset.UtcNow;
        var reset = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        Assert.Equal(reset.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body["meta"]!["quota_resets_at"]!.GetValue<string>());
        var id = Guid.Parse(body["data"]!["generation_id"]!.GetValue<string>());
        Assert.Equal("local-composer|true|ideas", await app.OwnerScalarAsync<string>(
            "SELECT model || '|' || success || '|' || type FROM ai_generations WHERE id = $1 AND tokens_used > 0 AND prompt <> '' AND response <> ''", id));
        Assert.True(response.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task The_monthly_allowance_can_be_read_without_spending_it()
    {
        var user = await app.RegisterAsync();
        var before = (await (await user.Http.GetAsync(new Uri("/api/ai/quota", UriKind.Relative), Ct)).ReadJsonAsync())["data"]!;
        Assert.Equal(0, before["quota_used"]!.GetValue<int>());
        Assert.Equal(100, before["quota_remaining"]!.GetValue<int>());

        var generated = await user.Http.PostAsJsonAsync("/api/ai/generate-ideas", new { context = "bakery", themes = new[] { "bread" }, count = 10 }, Ct);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        using var after = await user.Http.GetAsync(new Uri("/api/ai/quota", UriKind.Relative), Ct);
        var status = (await after.ReadJsonAsync())["data"]!;

        Assert.Equal(1, status["quota_used"]!.GetValue<int>());
        Assert.Equal(99, status["quota_remaining"]!.GetValue<int>());
        // Reading the allowance is an ordinary request, not one of the 10 AI requests a minute.
        Assert.Equal("100", after.Headers.GetValues("X-RateLimit-Limit").Single());
    }

    [Fact]
    public async Task An_exhausted_monthly_quota_is_429_quota_exceeded_until_next_month()
    {
        var user = await app.RegisterAsync();
        await UseUpIdeaQuotaAsync(app, user.Id);

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-ideas", new { context = "bakery", themes = new[] { "bread" }, count = 10 }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("quota_exceeded", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
        Assert.True(response.Headers.RetryAfter!.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_generation_that_takes_the_users_month_over_ten_dollars_has_the_Worker_mail_the_operator()
    {
        var user = await app.RegisterAsync();
        // $10.00 spent already this month (the spec's estimate: tokens × $0.00001); the next generation goes over.
        await app.OwnerScalarAsync<int>("""
            INSERT INTO ai_generations (user_id, type, model, prompt, response, tokens_used, duration_ms, success)
            VALUES ($1, 'post_linkedin', 'seed', 'p', 'r', 1000000, 10, true) RETURNING 1
            """, user.Id);

        for (var i = 0; i < 2; i++)
        {
            var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post",
                new { idea = new { title = "Pricing your services", description = "Stop charging by the hour." }, platform = "linkedin" }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1L, await app.OwnerScalarAsync<long>("SELECT count(*) FROM ai_cost_alerts WHERE user_id = $1", user.Id));
        var sandbox = app.CreateHttpClient("sandbox");
        var alert = await WebUser.EventuallyAsync(async ct =>
            (await sandbox.GetFromJsonAsync<JsonArray>($"/api/mail?to={Uri.EscapeDataString(AppFixture.CostAlertEmail)}", ct))!
                .FirstOrDefault(m => m!["text_body"]!.GetValue<string>().Contains(user.Id.ToString(), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(150), $"the cost alert mail of {user.Id}"); // the Worker's job runs once a minute
        Assert.StartsWith("AI cost alert: $10.0", alert["subject"]!.GetValue<string>());
        // Sent from the alert's row, which the Worker then settles.
        await WebUser.EventuallyAsync(async _ => await app.OwnerScalarAsync<bool>(
                "SELECT notice_due_at IS NULL FROM ai_cost_alerts WHERE user_id = $1", user.Id) ? "settled" : null,
            TimeSpan.FromSeconds(30), "the alert settled");
    }

    [Fact]
    public async Task Invalid_requests_are_400_with_field_errors()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-ideas", new { context = "x", themes = Array.Empty<string>(), count = 20 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.ReadErrorAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["themes", "count"], fields);
    }

    [Fact]
    public async Task A_post_is_generated_within_the_platform_limit()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post",
            new { idea = new { title = "5 AI tools to save 10 hours a week", description = "The best tools to automate repetitive work." }, platform = "instagram", tone = "casual", length = "long" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        var content = data["content"]!.GetValue<string>();
        Assert.Equal(System.Globalization.StringInfo.ParseCombiningCharacters(content).Length, data["character_count"]!.GetValue<int>());
        Assert.InRange(data["character_count"]!.GetValue<int>(), 200, 2_200);
        Assert.NotEmpty(data["hashtags"]!.AsArray());
    }

    [Fact]
    public async Task The_streamed_post_sends_deltas_then_the_full_result()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post/stream",
            new { idea = new { title = "Pricing your services", description = "Stop charging by the hour." }, platform = "linkedin" }, Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = (await response.Content.ReadAsStringAsync(Ct)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Name: e.Split('\n')[0]["event: ".Length..], Data: System.Text.Json.Nodes.JsonNode.Parse(e.Split('\n')[1]["data: ".Length..])!))
            .ToList();
        Assert.True(events.Count(e => e.Name == "delta") > 5);
        var done = Assert.Single(events, e => e.Name == "done").Data;
        Assert.Equal(done["content"]!.GetValue<string>(), string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data["text"]!.GetValue<string>())));
        Assert.True(Guid.TryParse(done["generation_id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Variants_of_an_own_post_differ_and_another_users_post_is_404()
    {
        var owner = await app.RegisterAsync();
        var created = await owner.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "Client onboarding matters.\n\nA welcome call sets expectations and saves weeks of back-and-forth.\n\nHow do you onboard clients?" }, Ct);
        var postId = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();

        var mine = await owner.Http.PostAsJsonAsync("/api/ai/generate-variants", new { post_id = postId }, Ct);
        var stranger = await (await app.RegisterAsync()).Http.PostAsJsonAsync("/api/ai/generate-variants", new { post_id = postId }, Ct);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var variants = (await mine.ReadJsonAsync())["data"]!["variants"]!.AsArray();
        Assert.Equal(["shorter", "more_casual", "with_cta"], variants.Select(v => v!["variation_type"]!.GetValue<string>()));
        Assert.Equal("variant-1", variants[0]!["id"]!.GetValue<string>());
        Assert.Equal(3, variants.Select(v => v!["content"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task The_eleventh_AI_request_in_a_minute_is_429_with_rate_limit_headers()
    {
        var user = await app.RegisterAsync();
        var body = new { idea = new { title = "Rate limits" }, platform = "linkedin", length = "short" };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            responses.Add(await user.Http.PostAsJsonAsync("/api/ai/generate-post", body, Ct));
        }

        // A minute boundary may fall inside the burst and reset the window once; then the 429 is not reached.
        var limited = responses.FindIndex(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var windows = responses.Select(r => r.Headers.GetValues("X-RateLimit-Reset").Single()).Distinct().Count();
        Assert.True(limited == 10 || windows > 1, $"first 429 at {limited}, windows {windows}");
        Assert.Equal("10", responses[0].Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("9", responses[0].Headers.GetValues("X-RateLimit-Remaining").Single());
        if (limited == 10)
        {
            Assert.Equal("rate_limited", (await responses[10].ReadErrorAsync())["type"]!.GetValue<string>());
            Assert.NotNull(responses[10].Headers.RetryAfter);
        }
    }

    /// <summary>Spends the user's whole monthly allowance of idea generations (100).</summary>
    internal static Task UseUpIdeaQuotaAsync(AppFixture app, Guid userId) => app.OwnerScalarAsync<long>("""
        WITH seeded AS (INSERT INTO ai_generations (user_id, type, model, prompt, response, tokens_used, duration_ms, success)
          SELECT $1, 'ideas', 'seed', 'p', 'r', 1, 1, true FROM generate_series(1, 100) RETURNING 1)
        SELECT count(*) FROM seeded
        """, userId);
}
