using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Media;
using SocialPlanner.Tests.Social;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Auth;

/// <summary>The account a user manages from Settings: their password, their data, their account itself.</summary>
[Collection(AppCollection.Name)]
public class AccountTests(AppFixture app)
{
    private const string NewPassword = "FreshPass789";

    private readonly HttpClient _anonymous = app.CreateHttpClient("api");

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var user = await app.RegisterAsync();
        var elsewhere = await LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var elsewhereRefresh = (await elsewhere.ReadJsonAsync())["data"]!["session"]!["refresh_token"]!.GetValue<string>();

        var change = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = user.Password, new_password = NewPassword }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(elsewhereRefresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_answers_400_with_the_sign_up_rules_and_changes_nothing()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = user.Password, new_password = "short" }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        var errors = error["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("new_password", e!["field"]!.GetValue<string>()));
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("at least 8", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_answers_400_on_its_field_and_keeps_every_session()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = "NotMine123", new_password = NewPassword }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("current_password", Assert.Single(error["errors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_requires_a_bearer_token()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/password",
            new { current_password = Password, new_password = NewPassword }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_data_export_is_a_JSON_attachment_of_everything_the_user_has_without_secrets_or_anyone_elses_data()
    {
        var user = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var mediaId = await user.UploadImageAsync();
        var post = await (await user.Http.PostAsJsonAsync("/api/content/posts", new
        {
            platform = "linkedin", content = "Trois conseils pour votre bilan", hashtags = new[] { "PME", "Romandie" }, media_ids = new[] { mediaId },
        }, Ct)).ReadJsonAsync();
        (await user.Http.PostAsJsonAsync("/api/templates",
            new { name = "Conseil du lundi", category = "conseil", platform = "linkedin", content = "Le conseil: {{sujet}}" }, Ct)).EnsureSuccessStatusCode();
        await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        (await stranger.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Pas à vous" }, Ct)).EnsureSuccessStatusCode();

        var response = await user.Http.GetAsync("/api/auth/me/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("socialplanner-export-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var export = JsonNode.Parse(text)!;
        Assert.Equal(user.Email, export["user"]!["email"]!.GetValue<string>());
        var exported = Assert.Single(export["posts"]!.AsArray())!;
        Assert.Equal(post["data"]!["id"]!.GetValue<string>(), exported["id"]!.GetValue<string>());
        Assert.Equal(["PME", "Romandie"], exported["hashtags"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal(mediaId, Assert.Single(exported["media_ids"]!.AsArray())!.GetValue<string>());
        Assert.Equal("Conseil du lundi", Assert.Single(export["templates"]!.AsArray())!["name"]!.GetValue<string>());
        var media = Assert.Single(export["media"]!.AsArray())!;
        Assert.Equal("square.jpg", media["filename"]!.GetValue<string>());
        Assert.Contains("files themselves are not in", export["about"]!.GetValue<string>(), StringComparison.Ordinal);
        var connection = Assert.Single(export["social_connections"]!.AsArray())!.AsObject();
        Assert.Equal("linkedin", connection["platform"]!.GetValue<string>());

        // No secret under any name: the password hash, the stamps, the platforms' (encrypted) tokens.
        var storedToken = await app.OwnerScalarAsync<string>("SELECT access_token FROM social_connections WHERE user_id = $1", user.Id);
        var passwordHash = await app.OwnerScalarAsync<string>("SELECT password_hash FROM users WHERE id = $1", user.Id);
        Assert.DoesNotContain(storedToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(passwordHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PropertyNames(export), name => name.Contains("token", StringComparison.Ordinal) || name.Contains("password", StringComparison.Ordinal));
        Assert.DoesNotContain("Pas à vous", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_export_holds_the_settings_the_first_comments_and_the_posting_schedule_in_the_requests_language()
    {
        var user = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/auth/me",
            new { time_zone = "Europe/Zurich", language = "fr" }, cancellationToken: Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PutAsJsonAsync("/api/auth/me/notifications",
            new { publication_failed = true, reconnect_needed = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await user.Http.PostAsJsonAsync("/api/queue/slots", new { platform = "instagram", weekday = "tuesday", time = "12:15" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await user.Http.PostAsJsonAsync("/api/queue/slots", new { platform = "linkedin", weekday = "friday", time = "08:30" }, Ct)).StatusCode);
        var image = await user.UploadImageAsync();
        Assert.Equal(HttpStatusCode.Created, (await user.Http.PostAsJsonAsync("/api/content/posts", new
        {
            platform = "both", content = "Nos horaires d'hiver", media_ids = new[] { image }, first_comment_linkedin = "Détails sur notre site", first_comment_instagram = "Lien en bio",
        }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsync("/api/queue/pause", null, Ct)).StatusCode);
        var feed = await (await user.Http.PostAsync("/api/calendar/feed", null, Ct)).ReadJsonAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me/export");
        request.Headers.AcceptLanguage.ParseAdd("fr-CH");
        var text = await (await user.Http.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        var export = JsonNode.Parse(text)!;

        Assert.StartsWith("Vos données SocialPlanner.", export["about"]!.GetValue<string>(), StringComparison.Ordinal);
        var account = export["user"]!;
        Assert.Equal("Europe/Zurich", account["time_zone"]!.GetValue<string>());
        Assert.Equal("fr", account["language"]!.GetValue<string>());
        Assert.True(account["notifications"]!["publication_failed"]!.GetValue<bool>());
        Assert.False(account["notifications"]!["reconnect_needed"]!.GetValue<bool>());
        Assert.NotNull(account["publishing_paused_at"]);
        Assert.NotNull(account["calendar_feed_created_at"]);
        // The feed's address is its credential: the export says the feed exists, never where.
        var address = new Uri(feed["data"]!["url"]!.GetValue<string>());
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(address.AbsolutePath), text, StringComparison.Ordinal);
        var post = Assert.Single(export["posts"]!.AsArray())!;
        Assert.Equal("Détails sur notre site", post["first_comment_linkedin"]!.GetValue<string>());
        Assert.Equal("Lien en bio", post["first_comment_instagram"]!.GetValue<string>());
        Assert.Equal(
            ["linkedin friday 08:30", "instagram tuesday 12:15"],
            export["posting_schedule"]!.AsArray().Select(s => $"{s!["platform"]} {s["weekday"]} {s["time"]}"));
    }

    [Fact]
    public async Task The_data_export_requires_a_bearer_token() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync("/api/auth/me/export", Ct)).StatusCode);

    [Fact]
    public async Task Deleting_the_account_removes_every_row_and_media_file_of_it_cancels_its_schedule_and_ends_its_sessions()
    {
        var user = await app.RegisterAsync();
        var bystander = await app.RegisterAsync();
        var upload = await MediaClient.UploadOkAsync(user, MediaSamples.Jpeg(1080, 1080), "square.jpg", "image/jpeg");
        var linkedIn = await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        var instagram = await SocialAccounts.ConnectAsync(user, "instagram", SocialAccounts.Member());
        var post = await (await user.Http.PostAsJsonAsync("/api/content/posts", new
        {
            platform = "linkedin", content = "Programmé puis effacé", media_ids = new[] { upload["id"]!.GetValue<string>() },
        }, Ct)).ReadJsonAsync();
        var postId = post["data"]!["id"]!.GetValue<string>();
        (await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule",
            new { scheduled_at = DateTimeOffset.UtcNow.AddDays(3) }, Ct)).EnsureSuccessStatusCode();
        (await user.Http.PostAsJsonAsync("/api/templates",
            new { name = "Modèle", category = "autre", platform = "linkedin", content = "Bonjour {{qui}}" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(1L, await CountAsync("post_publications", "user_id", user.Id));
        using var anonymousMedia = new HttpClient();
        var files = new[] { upload["url"]!.GetValue<string>(), upload["thumbnail_url"]!.GetValue<string>() };
        foreach (var file in files)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymousMedia.GetAsync(file, Ct)).StatusCode);
        }

        var response = await DeleteAccountAsync(user, user.Password);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        foreach (var (table, column) in OwnedTables)
        {
            Assert.Equal(0L, await CountAsync(table, column, user.Id));
        }
        foreach (var file in files)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymousMedia.GetAsync(file, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(user.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, user.Password)).StatusCode);
        Assert.All(await SandboxTokenStatesAsync("linkedin", linkedIn["profile"]!["id"]!.GetValue<string>()), s => Assert.Equal("revoked", s));
        Assert.All(await SandboxTokenStatesAsync("instagram", instagram["profile"]!["id"]!.GetValue<string>()), s => Assert.Equal("revoked", s));
        Assert.Equal(1L, await CountAsync("users", "id", bystander.Id));
        Assert.Equal(HttpStatusCode.OK, (await bystander.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_network_refusing_to_revoke_its_token_does_not_keep_the_account_from_being_deleted()
    {
        var user = await app.RegisterAsync();
        await SocialAccounts.ConnectAsync(user, "linkedin", SocialAccounts.Member());
        using var sandbox = app.CreateHttpClient("sandbox");
        (await sandbox.PostAsJsonAsync("/sandbox/faults", new { endpoint = "linkedin.revoke", status = 400, times = 1 }, Ct)).EnsureSuccessStatusCode();

        var response = await DeleteAccountAsync(user, user.Password);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0L, await CountAsync("users", "id", user.Id));
        Assert.Equal(0L, await CountAsync("social_connections", "user_id", user.Id));
        var faults = await (await sandbox.GetAsync("/sandbox/faults", Ct)).ReadJsonAsync();
        Assert.DoesNotContain(faults.AsArray(), f => f!["endpoint"]!.GetValue<string>() == "linkedin.revoke");
    }

    [Fact]
    public async Task Deleting_the_account_with_a_wrong_or_missing_password_answers_400_and_deletes_nothing()
    {
        var user = await app.RegisterAsync();
        (await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Je reste" }, Ct)).EnsureSuccessStatusCode();

        var wrong = await DeleteAccountAsync(user, "NotMine123");
        var missing = await DeleteAccountAsync(user, null);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("password", Assert.Single((await wrong.ReadErrorAsync())["errors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("password", Assert.Single((await missing.ReadErrorAsync())["errors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal(1L, await CountAsync("users", "id", user.Id));
        Assert.Equal(1L, await CountAsync("posts", "user_id", user.Id));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_user_chooses_which_publishing_emails_to_get_and_both_are_on_for_a_new_account()
    {
        var user = await app.RegisterAsync();
        var before = (await (await user.Http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync())["data"]!["notifications"]!;
        Assert.True(before["publication_failed"]!.GetValue<bool>());
        Assert.True(before["reconnect_needed"]!.GetValue<bool>());

        var response = await user.Http.PutAsJsonAsync("/api/auth/me/notifications",
            new { publication_failed = false, reconnect_needed = true }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await (await user.Http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync())["data"]!["notifications"]!;
        Assert.False(after["publication_failed"]!.GetValue<bool>());
        Assert.True(after["reconnect_needed"]!.GetValue<bool>());
        Assert.False(await app.OwnerScalarAsync<bool>("SELECT notify_publication_failed FROM users WHERE id = $1", user.Id));
    }

    [Fact]
    public async Task Email_choices_missing_one_answer_400_per_field_and_change_nothing()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PutAsJsonAsync("/api/auth/me/notifications", new { publication_failed = false }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reconnect_needed", Assert.Single((await response.ReadErrorAsync())["errors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.True(await app.OwnerScalarAsync<bool>("SELECT notify_publication_failed FROM users WHERE id = $1", user.Id));
    }

    /// <summary>Every table holding a user's rows, with the column naming the user.</summary>
    [Fact]
    public async Task After_the_account_is_deleted_another_devices_token_gets_401_for_reads_and_writes_never_a_500()
    {
        var user = await app.RegisterAsync();
        var elsewhere = await LoginAsync(user.Email, user.Password);
        var token = (await elsewhere.ReadJsonAsync())["data"]!["session"]!["access_token"]!.GetValue<string>();
        using var device = app.CreateHttpClient("api");
        device.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAccountAsync(user, user.Password)).StatusCode);

        foreach (var response in new[]
        {
            await device.GetAsync("/api/auth/me", Ct),
            await device.GetAsync("/api/content/posts", Ct),
            await device.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "From a device the account left" }, Ct),
            await device.PostAsJsonAsync("/api/templates", new { name = "Orphan", category = "conseil", platform = "linkedin", content = "No owner" }, Ct),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("unauthorized", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
        }
        Assert.Equal(0L, await CountAsync("posts", "user_id", user.Id));
    }

    private static readonly (string Table, string Column)[] OwnedTables =
    [
        ("users", "id"), ("posts", "user_id"), ("templates", "user_id"), ("media", "user_id"), ("ai_generations", "user_id"),
        ("social_connections", "user_id"), ("post_publications", "user_id"), ("refresh_tokens", "user_id"),
    ];

    /// <summary>What the sandbox's networks say of the tokens they issued to one account: valid, expired or revoked.</summary>
    private async Task<List<string>> SandboxTokenStatesAsync(string platform, string who)
    {
        using var sandbox = app.CreateHttpClient("sandbox");
        var states = await (await sandbox.GetAsync($"/sandbox/tokens/{platform}/{Uri.EscapeDataString(who)}", Ct)).ReadJsonAsync();
        List<string> all = [.. states["states"]!.AsArray().Select(s => s!.GetValue<string>())];
        Assert.NotEmpty(all);
        return all;
    }

    private Task<long> CountAsync(string table, string column, Guid userId) =>
        app.OwnerScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {column} = $1", userId);

    private static Task<HttpResponseMessage> DeleteAccountAsync(TestUser user, string? password) =>
        user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/auth/me") { Content = JsonContent.Create(new { password }) }, Ct);

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _anonymous.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken: Ct);

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refreshToken }, cancellationToken: Ct);
}
