using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;
using StackExchange.Redis;
using static SocialPlanner.Tests.Infrastructure.ApiClient;
using static SocialPlanner.Tests.Social.SocialAccounts;

namespace SocialPlanner.Tests.Social;

/// <summary>Connecting accounts through the sandbox's OAuth screens (auto consent) and publishing through them.</summary>
public sealed class SocialApiTests(AppFixture app) : DataTest(app)
{
    private const string DevelopmentCronSecret = "development-only-cron-secret";

    private AppFixture App { get; } = app;

    [Theory]
    [InlineData("linkedin")]
    [InlineData("instagram")]
    public async Task Connecting_through_the_platforms_consent_stores_the_account_with_encrypted_tokens(string platform)
    {
        var user = await App.RegisterAsync();
        var connected = await ConnectAsync(user, platform, Member());
        Assert.True(connected["connected"]!.GetValue<bool>());
        var profileId = connected["profile"]!["id"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(profileId));

        var access = await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE user_id = $1 AND is_active", user.Id);
        // Data Protection's payload header, base64url: the column holds ciphertext, not a platform token.
        Assert.StartsWith("CfDJ8", access, StringComparison.Ordinal);
        if (platform == "linkedin")
        {
            using var sandbox = App.CreateHttpClient("sandbox");
            using var probe = new HttpRequestMessage(HttpMethod.Get, "/v2/userinfo");
            probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            Assert.Equal(HttpStatusCode.Unauthorized, (await sandbox.SendAsync(probe, Ct)).StatusCode);
            Assert.StartsWith("CfDJ8", await OwnerScalarAsync<string>("SELECT refresh_token FROM social_connections WHERE user_id = $1 AND is_active", user.Id), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_connections_list_never_contains_tokens()
    {
        var user = await App.RegisterAsync();
        await ConnectAsync(user, "linkedin", Member());
        var response = await user.Http.GetAsync("/api/social/connections", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var connection = JsonNode.Parse(body)!["data"]!.AsArray().Single()!.AsObject();
        Assert.Equal(
            ["platform", "profile_id", "profile_name", "expires_at", "scopes", "is_active", "reconnect_needed", "last_used_at", "profile_picture_url"],
            connection.Select(p => p.Key));
        Assert.DoesNotContain("CfDJ8", body, StringComparison.Ordinal);
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reconnecting_replaces_the_tokens_in_place_and_keeps_one_active_connection_with_its_refresh_token()
    {
        var user = await App.RegisterAsync();
        var member = Member();
        await ConnectAsync(user, "linkedin", member);
        var firstId = await OwnerScalarAsync<Guid>("SELECT id FROM social_connections WHERE user_id = $1 AND is_active", user.Id);
        var firstAccess = await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE id = $1", firstId);

        await ConnectAsync(user, "linkedin", member);
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM social_connections WHERE user_id = $1", user.Id));
        Assert.Equal(firstId, await OwnerScalarAsync<Guid>("SELECT id FROM social_connections WHERE user_id = $1 AND is_active", user.Id));
        Assert.NotEqual(firstAccess, await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE id = $1", firstId));
        Assert.StartsWith("CfDJ8", await OwnerScalarAsync<string>("SELECT refresh_token FROM social_connections WHERE id = $1", firstId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_is_single_use()
    {
        var user = await App.RegisterAsync();
        var (code, state) = await ConsentAsync(user, "linkedin", Member());
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(user, "linkedin", code, state)).StatusCode);
        var replay = await CallbackAsync(user, "linkedin", code, state);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("state", (await replay.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_state_started_by_another_user_or_unknown_is_rejected_with_400()
    {
        var owner = await App.RegisterAsync();
        var stranger = await App.RegisterAsync();
        var (code, state) = await ConsentAsync(owner, "linkedin", Member());
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync(stranger, "linkedin", code, state)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync(owner, "linkedin", code, "never-issued")).StatusCode);
        Assert.Equal(0L, await OwnerScalarAsync<long>("SELECT count(*) FROM social_connections WHERE user_id IN ($1, $2)", owner.Id, stranger.Id));
    }

    [Fact]
    public async Task An_expired_state_is_rejected_with_400()
    {
        var user = await App.RegisterAsync();
        // The store keeps a hash of the state with its owner and expiry; plant one that expired a minute ago.
        const string state = "expired-state-for-the-test";
        var key = "oauth:state:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
        var entry = JsonSerializer.Serialize(new { UserId = user.Id, Platform = 0, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await App.GetConnectionStringAsync("cache"));
        await redis.GetDatabase().StringSetAsync(key, entry, TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync(user, "linkedin", "any-code", state)).StatusCode);
    }

    [Fact]
    public async Task Disconnecting_deactivates_the_account_and_drops_its_tokens()
    {
        var user = await App.RegisterAsync();
        await ConnectAsync(user, "instagram", Member());
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync("/api/social/instagram", Ct)).StatusCode);
        Assert.Empty((await (await user.Http.GetAsync("/api/social/connections", Ct)).ReadJsonAsync())["data"]!.AsArray());
        Assert.Equal("", await OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE user_id = $1 AND NOT is_active", user.Id));
    }

    [Fact]
    public async Task Publishing_now_goes_out_to_LinkedIn_exactly_once_and_the_post_is_then_published()
    {
        var user = await App.RegisterAsync();
        await ConnectAsync(user, "linkedin", Member());
        var text = $"Published now {Guid.NewGuid():N}";
        var post = await CalendarApiTests.CreatePostAsync(user, text);

        var response = await user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = post }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        Assert.True(data["published"]!.GetValue<bool>());
        var urn = data["linkedin_post_id"]!.GetValue<string>();
        Assert.StartsWith("urn:li:", urn, StringComparison.Ordinal);
        Assert.NotNull(data["published_at"]);

        using var sandbox = App.CreateHttpClient("sandbox");
        var published = await sandbox.GetFromJsonAsync<JsonElement>("/api/published?platform=linkedin", Ct);
        var item = Assert.Single(published.EnumerateArray(), p => p.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal));
        Assert.Equal(urn, item.GetProperty("external_id").GetString());
        Assert.Equal(1, item.GetProperty("request_count").GetInt32());

        var again = await user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = post }, cancellationToken: Ct);
        Assert.Equal(urn, (await again.ReadJsonAsync())["data"]!["linkedin_post_id"]!.GetValue<string>());
        var reschedule = await CalendarApiTests.ScheduleAsync(user, post, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reschedule.StatusCode);
    }

    [Fact]
    public async Task Publishing_now_without_a_connected_account_answers_401()
    {
        var user = await App.RegisterAsync();
        var post = await CalendarApiTests.CreatePostAsync(user);
        var response = await user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = post }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_cron_endpoint_answers_401_without_or_with_a_wrong_secret()
    {
        using var anonymous = App.CreateHttpClient("api");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/social/cron/publish-scheduled", null, Ct)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/social/cron/publish-scheduled");
        wrong.Headers.Add("X-Cron-Secret", DevelopmentCronSecret + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_cron_endpoint_sweeps_with_the_secret_and_returns_counts()
    {
        using var cron = App.CreateHttpClient("api");
        cron.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentCronSecret);
        var response = await cron.PostAsync("/api/social/cron/publish-scheduled", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!.AsObject();
        Assert.Equal(["released_leases", "overdue", "repaired_posts", "due_now"], data.Select(p => p.Key));

        using var header = new HttpRequestMessage(HttpMethod.Post, "/api/social/cron/publish-scheduled");
        header.Headers.Add("X-Cron-Secret", DevelopmentCronSecret);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateHttpClient("api").SendAsync(header, Ct)).StatusCode);
    }
}
