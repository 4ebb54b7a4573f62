using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Auth;

[Collection(AppCollection.Name)]
public class AuthApiTests(AppFixture app)
{
    private readonly HttpClient _anonymous = app.CreateHttpClient("api");

    [Fact]
    public async Task Registering_answers_201_with_the_user_and_a_session()
    {
        var email = ApiClient.UniqueEmail();
        var response = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        Assert.Equal(email, data["user"]!["email"]!.GetValue<string>());
        Assert.EndsWith("Z", data["user"]!["created_at"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(data["session"]!["access_token"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(data["session"]!["refresh_token"]!.GetValue<string>()));
        Assert.True(data["session"]!["expires_at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Registering_with_a_weak_password_and_a_bad_email_answers_400_per_field()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = "short" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        var fields = error["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("password", fields);
    }

    [Fact]
    public async Task Registering_with_the_browser_time_zone_starts_the_account_in_it_and_an_unknown_zone_answers_400()
    {
        var email = ApiClient.UniqueEmail();
        var unknown = await _anonymous.PostAsJsonAsync("/api/auth/register",
            new { email, password = ApiClient.Password, time_zone = "Europe/Atlantis" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var error = await unknown.ReadErrorAsync();
        Assert.Equal("time_zone", Assert.Single(error["errors"]!.AsArray())!["field"]!.GetValue<string>());

        var response = await _anonymous.PostAsJsonAsync("/api/auth/register",
            new { email, password = ApiClient.Password, time_zone = "Europe/Zurich" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var http = app.CreateHttpClient("api");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await response.ReadJsonAsync())["data"]!["session"]!["access_token"]!.GetValue<string>());
        var me = await (await http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync();
        Assert.Equal("Europe/Zurich", me["data"]!["time_zone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registering_a_taken_email_in_another_case_answers_409()
    {
        var user = await app.RegisterAsync();
        var response = await _anonymous.PostAsJsonAsync("/api/auth/register", new { email = user.Email.ToUpperInvariant(), password = ApiClient.Password }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("conflict", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logging_in_answers_200_with_a_session()
    {
        var user = await app.RegisterAsync();
        var response = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Id.ToString(), (await response.ReadJsonAsync())["data"]!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_answer_the_same_401()
    {
        var user = await app.RegisterAsync();
        var wrong = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Wrong12345" }, cancellationToken: Ct);
        var unknown = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.UniqueEmail(), password = "Wrong12345" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(Ct), await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Logging_in_without_a_password_answers_400()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.UniqueEmail() }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("password", (await response.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeated_failed_logins_are_throttled_with_429_and_Retry_After()
    {
        var user = await app.RegisterAsync();
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Wrong12345" }, cancellationToken: Ct);
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.Unauthorized && attempts < 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(6, attempts);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("rate_limited", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }

    /// <summary>The account's own failure count is what locks it against guesses from many addresses (the Redis throttle
    /// counts per address): failures that arrive together must each be counted, none lost to a concurrency clash.</summary>
    [Fact]
    public async Task Wrong_passwords_sent_at_once_each_count_toward_the_accounts_lockout()
    {
        var user = await app.RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Wrong12345" }, cancellationToken: Ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(4, await app.OwnerScalarAsync<int>("SELECT access_failed_count FROM users WHERE id = $1", user.Id));
    }

    [Fact]
    public async Task Refreshing_rotates_the_token_and_reusing_an_old_one_revokes_the_family()
    {
        var user = await app.RegisterAsync();
        var first = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = user.RefreshToken }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = (await first.ReadJsonAsync())["data"]!["session"]!["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(user.RefreshToken, rotated);

        var reuse = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = user.RefreshToken }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        var afterReuse = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = rotated }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
    }

    [Fact]
    public async Task Logging_out_rejects_the_access_token_afterwards()
    {
        var user = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.PostAsync("/api/auth/logout", null, Ct)).StatusCode);

        var me = await user.Http.GetAsync("/api/auth/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("unauthorized", (await me.ReadErrorAsync())["type"]!.GetValue<string>());
        var refresh = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = user.RefreshToken }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Logging_out_requires_a_bearer_token() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostAsync("/api/auth/logout", null, Ct)).StatusCode);

    [Fact]
    public async Task The_user_can_read_and_change_their_time_zone()
    {
        var user = await app.RegisterAsync();
        var me = (await (await user.Http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync())["data"]!;
        Assert.Equal("UTC", me["time_zone"]!.GetValue<string>());

        var changed = await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = "Europe/Zurich" }, cancellationToken: Ct);
        Assert.Equal("Europe/Zurich", (await changed.ReadJsonAsync())["data"]!["time_zone"]!.GetValue<string>());
        var invalid = await user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = "Mars/Olympus" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Reset_password_answers_the_same_for_unknown_emails()
    {
        var user = await app.RegisterAsync();
        var known = await _anonymous.PostAsJsonAsync("/api/auth/reset-password", new { email = user.Email }, cancellationToken: Ct);
        var unknown = await _anonymous.PostAsJsonAsync("/api/auth/reset-password", new { email = ApiClient.UniqueEmail() }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(Ct), await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Password reset email sent", (await unknown.ReadJsonAsync())["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_emailed_reset_link_sets_a_new_password_once_only()
    {
        var user = await app.RegisterAsync();
        await _anonymous.PostAsJsonAsync("/api/auth/reset-password", new { email = user.Email }, cancellationToken: Ct);
        var link = await WaitForResetLinkAsync(user.Email);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var confirm = new { email = query["email"], token = query["token"], new_password = "BrandNew456" };

        Assert.Equal(HttpStatusCode.OK, (await _anonymous.PostAsJsonAsync("/api/auth/reset-password/confirm", confirm, cancellationToken: Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _anonymous.PostAsJsonAsync("/api/auth/reset-password/confirm", confirm, cancellationToken: Ct)).StatusCode);
        var login = await _anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "BrandNew456" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var oldSession = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = user.RefreshToken }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
    }

    [Fact]
    public async Task A_forged_reset_token_answers_400()
    {
        var user = await app.RegisterAsync();
        var response = await _anonymous.PostAsJsonAsync("/api/auth/reset-password/confirm",
            new { email = user.Email, token = "forged", new_password = "BrandNew456" }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("token", (await response.ReadErrorAsync())["errors"]![0]!["field"]!.GetValue<string>());
    }

    /// <summary>Polls the sandbox's SMTP catcher: the Api sends mail in the background.</summary>
    private async Task<Uri> WaitForResetLinkAsync(string email)
    {
        var sandbox = app.CreateHttpClient("sandbox");
        // The mail goes out in the background; on a busy CI machine it can take a while.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var mails = JsonNode.Parse(await sandbox.GetStringAsync($"/api/mail?to={Uri.EscapeDataString(email)}", Ct))!.AsArray();
            var text = mails.Select(m => m!["text_body"]?.GetValue<string>()).FirstOrDefault(t => t?.Contains("reset-password?", StringComparison.Ordinal) == true);
            if (text is not null)
            {
                var url = text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("reset-password?", StringComparison.Ordinal));
                return new Uri(url);
            }
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"No reset mail for {email} reached the sandbox");
    }
}
