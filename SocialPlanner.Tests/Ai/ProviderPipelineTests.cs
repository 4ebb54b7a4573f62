using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SocialPlanner.Core.Ai;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Ai;

/// <summary>The chat pipeline through the real OpenAI client against the Sandbox's OpenAI-compatible endpoint, one
/// error path per test. Each test has its own API key and arms faults for that key only, so tests never see each
/// other's faults.</summary>
[Collection(AppCollection.Name)]
public sealed class ProviderPipelineTests(AppFixture app)
{
    private static readonly IdeasBrief Brief = new("coaching for freelance designers", ["pricing", "client onboarding"], 10);

    private readonly string _key = $"sk-test-{Guid.NewGuid():N}";
    private readonly RecordingTimeProvider _time = new();
    private readonly HttpClient _sandbox = app.CreateHttpClient("sandbox");

    [Fact]
    public async Task A_healthy_provider_answers_in_the_contract_and_reports_its_model_and_tokens()
    {
        var result = await Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Answer.Ideas.Count);
        Assert.Equal("gpt-4o-mini", result.Model);
        Assert.True(result.TokensUsed > 0);
        var sent = (await _sandbox.GetFromJsonAsync<JsonArray>("/sandbox/openai/requests", TestContext.Current.CancellationToken))!
            .Last()!["body"]!;
        Assert.Equal("json_schema", sent["response_format"]!["type"]!.GetValue<string>());
        Assert.Contains("pricing", sent["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_twice_then_served_after_backing_off_one_then_two_seconds()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 2, status = 429, user = _key });

        var result = await Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Answer.Ideas.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _time.Delays);
    }

    [Fact]
    public async Task Still_rate_limited_after_one_two_and_four_seconds_is_unavailable()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 4, status = 429, user = _key });

        var error = await Assert.ThrowsAsync<AiGenerationException>(() => Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken));

        Assert.Equal(AiFailure.Unavailable, error.Failure);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _time.Delays);
    }

    [Fact]
    public async Task A_server_error_switches_to_the_fallback_provider()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 1, status = 500, user = _key });
        var fallbackKey = $"sk-fallback-{Guid.NewGuid():N}";
        var fallback = Connection("fallback-model") with { Key = fallbackKey };

        var result = await Generator(Connection("gpt-4o-mini"), fallback).IdeasAsync(Brief, TestContext.Current.CancellationToken);

        Assert.Equal("fallback-model", result.Model);
    }

    [Fact]
    public async Task A_server_error_without_fallback_is_unavailable()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 1, status = 500, user = _key });

        var error = await Assert.ThrowsAsync<AiGenerationException>(() => Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken));

        Assert.Equal(AiFailure.Unavailable, error.Failure);
    }

    [Fact]
    public async Task Service_unavailable_is_not_retried_and_not_sent_to_the_fallback()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 1, status = 503, user = _key });

        var error = await Assert.ThrowsAsync<AiGenerationException>(() =>
            Generator(Connection("gpt-4o-mini"), Connection("fallback-model")).IdeasAsync(Brief, TestContext.Current.CancellationToken));

        Assert.Equal(AiFailure.Unavailable, error.Failure);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task Malformed_output_once_is_asked_again_and_succeeds()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 1, malformed_json = true, user = _key });

        var result = await Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Answer.Ideas.Count);
    }

    [Fact]
    public async Task Malformed_output_twice_is_a_bad_output_failure_with_the_answer_kept_for_the_audit()
    {
        await ArmAsync(new { endpoint = "openai.chat", times = 2, malformed_json = true, user = _key });

        var error = await Assert.ThrowsAsync<AiGenerationException>(() => Generator(Connection("gpt-4o-mini")).IdeasAsync(Brief, TestContext.Current.CancellationToken));

        Assert.Equal(AiFailure.BadOutput, error.Failure);
        Assert.Contains("Unfinished", error.Response, StringComparison.Ordinal);
        Assert.Contains("[user]", error.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_post_arrives_as_content_deltas_then_the_checked_result()
    {
        var brief = new PostBrief("Pricing your design work", "Why hourly rates hurt freelancers.", AiPlatform.Linkedin, AiTone.Casual, AiLength.Short);
        var deltas = new List<string>();
        PostCompleted? completed = null;

        await foreach (var e in Generator(Connection("gpt-4o-mini")).StreamPostAsync(brief, TestContext.Current.CancellationToken))
        {
            if (e is PostDelta delta)
            {
                deltas.Add(delta.Text);
            }
            completed ??= e as PostCompleted;
        }

        Assert.NotNull(completed);
        Assert.True(deltas.Count > 1);
        Assert.Equal(completed.Result.Answer.Content, string.Concat(deltas).Trim());
        Assert.True(completed.Result.TokensUsed > 0);
    }

    private ProviderConnection Connection(string model) => new(new Uri(app.GetEndpoint("sandbox"), "/v1"), _key, model);

    private AiGenerator Generator(ProviderConnection primary, ProviderConnection? fallback = null)
    {
        var chat = AiServices.BuildChatClient(primary, fallback, ProviderPolicyChatClient.SpecBackoff, _time, NullLoggerFactory.Instance);
        return new AiGenerator(chat, new AiProviderInfo(primary.Model), _time, new AiMetrics(new TestMeterFactory()));
    }

    private async Task ArmAsync(object fault) =>
        (await _sandbox.PostAsJsonAsync("/sandbox/faults", fault, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
}
