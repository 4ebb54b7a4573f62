using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using OpenAI.Chat;

namespace SocialPlanner.Tests.Sandbox;

[Collection(SandboxProcessGroup.Name)]
public sealed class FaultInjectionTests(SandboxProcessFixture sandbox) : IAsyncDisposable
{
    private readonly ImageHost _images = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        using var http = sandbox.CreateClient();
        await http.DeleteAsync("/sandbox/faults", Cancel);
        await _images.DisposeAsync();
    }

    [Fact]
    public async Task A_500_armed_once_fails_one_post_and_the_next_succeeds()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        await ArmAsync(new { endpoint = "linkedin.posts", times = 1, status = 500, user = member.MemberId });

        var failed = await member.PostAsync(LinkedInSession.UniqueText("First try"));
        var retried = await member.PostAsync(LinkedInSession.UniqueText("Second try"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(500, (await failed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task A_fault_scoped_to_one_member_leaves_others_alone()
    {
        var target = await LinkedInSession.ConnectAsync(sandbox);
        var bystander = await LinkedInSession.ConnectAsync(sandbox);
        await ArmAsync(new { endpoint = "linkedin.posts", status = 503, user = target.AuthorUrn });

        Assert.Equal(HttpStatusCode.Created, (await bystander.PostAsync(LinkedInSession.UniqueText("Unaffected"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await target.PostAsync(LinkedInSession.UniqueText("Affected"))).StatusCode);
    }

    [Fact]
    public async Task A_429_carries_Retry_After_and_the_OpenAI_rate_limit_envelope()
    {
        await ArmAsync(new { endpoint = "openai.chat", status = 429, retry_after_seconds = 30 });
        using var http = sandbox.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-sandbox");

        var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "m", messages = new[] { new { role = "user", content = "hi" } } }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter!.Delta);
        Assert.Equal("rate_limit_exceeded", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_delayed_answer_outlasts_a_client_timeout()
    {
        // A raw client: the OpenAI SDK would quietly retry the timed-out call and get the (undelayed) second answer.
        await ArmAsync(new { endpoint = "openai.chat", delay_ms = 5000 });
        using var http = sandbox.CreateClient(TimeSpan.FromMilliseconds(500));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-sandbox");

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            http.PostAsJsonAsync("/v1/chat/completions", new { model = "m", messages = new[] { new { role = "user", content = "Too slow" } } }, Cancel));
    }

    [Fact]
    public async Task Malformed_json_answers_200_with_unparseable_content()
    {
        await ArmAsync(new { endpoint = "openai.chat", malformed_json = true });
        var chat = OpenAiEmulatorTests.ChatClientFor(sandbox);

        ClientResult<ChatCompletion> result = await chat.CompleteChatAsync([new UserChatMessage("Ideas as JSON")], cancellationToken: Cancel);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Value.Content[0].Text));
    }

    [Fact]
    public async Task A_publish_that_hangs_after_success_is_ambiguous_but_visible_when_reconciling()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        var caption = $"Ambiguous {Guid.NewGuid():N}";
        var container = await account.ReadyContainerAsync(_images.Serve(TestImages.Jpeg(1080, 1080)), caption);
        await ArmAsync(new { endpoint = "instagram.publish", hang = true, after_success = true, user = account.UserId });

        // Only the publish gives up early, as a client timeout would; the set-up calls may be slow on a busy machine.
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        clientTimeout.CancelAfter(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => account.PublishUntilAsync(container, clientTimeout.Token));

        Assert.Equal("PUBLISHED", await account.StatusCodeAsync(container));
        var listed = await account.GetAsync($"/{account.UserId}/media?fields=id,caption,timestamp");
        Assert.Equal(caption, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("caption").GetString());
    }

    [Fact]
    public async Task An_expired_LinkedIn_token_answers_401_EXPIRED_ACCESS_TOKEN()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        await ExpireAsync(new { platform = "linkedin", member = member.MemberId });

        var response = await member.PostAsync(LinkedInSession.UniqueText("Too late"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("EXPIRED_ACCESS_TOKEN", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_revoked_LinkedIn_token_answers_401_with_service_error_65601()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        await ExpireAsync(new { platform = "linkedin", access_token = member.AccessToken, revoke = true });

        var response = await member.PostAsync(LinkedInSession.UniqueText("Revoked"));

        Assert.Equal(65601, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("serviceErrorCode").GetInt32());
    }

    [Fact]
    public async Task An_expired_Instagram_token_answers_code_190_subcode_463()
    {
        var account = await InstagramSession.ConnectAsync(sandbox);
        await ExpireAsync(new { platform = "instagram", user_id = account.UserId });

        var response = await account.Http.GetAsync($"/v25.0/{account.UserId}/content_publishing_limit?access_token={account.AccessToken}", Cancel);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error");

        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal(463, error.GetProperty("error_subcode").GetInt32());
    }

    [Fact]
    public async Task Calls_per_operation_are_counted()
    {
        using var http = sandbox.CreateClient();
        var before = await CountAsync(http, "linkedin.userinfo");

        await LinkedInSession.ConnectAsync(sandbox);

        Assert.Equal(before + 1, await CountAsync(http, "linkedin.userinfo"));
    }

    private static async Task<long> CountAsync(HttpClient http, string endpoint)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>("/api/stats", Cancel);
        return stats.TryGetProperty(endpoint, out var count) ? count.GetInt64() : 0;
    }

    private async Task ArmAsync(object fault)
    {
        using var http = sandbox.CreateClient();
        (await http.PostAsJsonAsync("/sandbox/faults", fault, Cancel)).EnsureSuccessStatusCode();
    }

    private async Task ExpireAsync(object request)
    {
        using var http = sandbox.CreateClient();
        var expired = await (await http.PostAsJsonAsync("/sandbox/tokens/expire", request, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(expired.GetProperty("expired").GetInt32() > 0);
    }
}
