using System.ClientModel;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.AI;

using OpenAI;
using OpenAI.Chat;

using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using ChatFinishReason = OpenAI.Chat.ChatFinishReason;

namespace SocialPlanner.Tests.Sandbox;

[Collection(SandboxProcessGroup.Name)]
public sealed class OpenAiEmulatorTests(SandboxProcessFixture sandbox)
{
    private static readonly string[] Platforms = ["linkedin", "instagram", "both"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed record Idea(string Title, string Description, string TargetPlatform, string EstimatedEngagement);

    public sealed record IdeaList(List<Idea> Ideas);

    [Fact]
    public async Task A_json_schema_request_through_Microsoft_Extensions_AI_gets_as_many_ideas_as_asked()
    {
        IChatClient chat = ChatClientFor(sandbox).AsIChatClient();

        var response = await chat.GetResponseAsync<IdeaList>("Generate 12 post ideas about sustainable coffee roasting for small cafes", cancellationToken: Cancel);

        Assert.Equal(12, response.Result.Ideas.Count);
        Assert.All(response.Result.Ideas, idea => Assert.False(string.IsNullOrWhiteSpace(idea.Title)));
        Assert.Contains(response.Result.Ideas, idea => idea.Title.Contains("coffee", StringComparison.OrdinalIgnoreCase)
            || idea.Description.Contains("roasting", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AiFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage!.InputTokenCount > 0);
    }

    [Fact]
    public async Task A_json_object_request_for_ideas_answers_the_ideas_shape_deterministically()
    {
        using var http = Authorized();
        var request = new
        {
            model = "gpt-4o-mini",
            response_format = new { type = "json_object" },
            max_tokens = 2000,
            messages = new object[]
            {
                new { role = "system", content = "You are a social media strategist. Respond in JSON." },
                new { role = "user", content = "Give me 10 ideas about remote team rituals" },
            },
        };

        var first = await http.PostAsJsonAsync("/v1/chat/completions", request, Cancel);
        var second = await http.PostAsJsonAsync("/v1/chat/completions", request, Cancel);

        var body = await first.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("created").ValueKind);
        Assert.Equal("stop", body.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        var content = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        var ideas = JsonDocument.Parse(content).RootElement.GetProperty("ideas");
        Assert.Equal(10, ideas.GetArrayLength());
        Assert.Contains(ideas[0].GetProperty("target_platform").GetString(), Platforms);
        var again = (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        Assert.Equal(content, again);
        var recorded = await http.GetFromJsonAsync<JsonElement>("/sandbox/openai/requests", Cancel);
        Assert.Contains(recorded.EnumerateArray(), r => r.GetProperty("body").GetRawText().Contains("remote team rituals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Streaming_through_the_OpenAI_client_ends_with_a_usage_chunk()
    {
        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in ChatClientFor(sandbox).CompleteChatStreamingAsync([new UserChatMessage("Write a post about morning routines")], cancellationToken: Cancel))
        {
            updates.Add(update);
        }

        Assert.False(string.IsNullOrWhiteSpace(string.Concat(updates.SelectMany(u => u.ContentUpdate).Select(p => p.Text))));
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        Assert.True(updates[^1].Usage.TotalTokenCount > 0);
        Assert.Empty(updates[^1].ContentUpdate);
    }

    [Fact]
    public async Task The_raw_stream_has_an_empty_choices_usage_chunk_then_DONE()
    {
        using var http = Authorized();
        var response = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = "gpt-4o-mini",
            stream = true,
            stream_options = new { include_usage = true },
            messages = new[] { new { role = "user", content = "Hello there" } },
        }, Cancel);

        var events = (await response.Content.ReadAsStringAsync(Cancel)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("data: [DONE]", events[^1]);
        var usageChunk = JsonDocument.Parse(events[^2]["data: ".Length..]).RootElement;
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.True(usageChunk.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task A_request_without_an_api_key_answers_401_invalid_api_key()
    {
        using var http = sandbox.CreateClient();
        var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "m", messages = new[] { new { role = "user", content = "hi" } } }, Cancel);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetProperty("code").GetString());
    }

    public static ChatClient ChatClientFor(SandboxProcessFixture sandbox, TimeSpan? timeout = null) =>
        new("gpt-4o-mini", new ApiKeyCredential("sk-sandbox"), new OpenAIClientOptions
        {
            Endpoint = new Uri(sandbox.BaseUrl, "/v1"),
            NetworkTimeout = timeout,
        });

    private HttpClient Authorized()
    {
        var http = sandbox.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-sandbox");
        return http;
    }
}
