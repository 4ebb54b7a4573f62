using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OpenAi;

/// <summary>An OpenAI-compatible <c>/v1/chat/completions</c> (platform-apis.md §3.1–3.3), JSON and SSE.</summary>
public static partial class ChatCompletionEndpoints
{
    public static IEndpointRouteBuilder MapOpenAi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", Complete).Emulates("openai.chat", OpenAiWire.ForFault).WithName("OpenAiChatCompletions");
        app.MapGet("/sandbox/openai/requests", (ChatRequestLog log) => TypedResults.Ok(log.List())).WithName("OpenAiRequests").WithTags("openai");
        return app;
    }

    public static object Completion(string id, string model, string content, int promptTokens, string finishReason = "stop") => new
    {
        id,
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = finishReason } },
        usage = Usage(promptTokens, Tokens(content)),
    };

    private static async Task Complete(HttpContext http, ChatRequestLog log, IOptions<SandboxOptions> options)
    {
        var key = http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var required = options.Value.OpenAi.RequiredKey;
        if (key.Length == 0 || (!string.IsNullOrEmpty(required) && key != required))
        {
            await OpenAiWire.Error(401, key.Length == 0 ? "You didn't provide an API key." : "Incorrect API key provided.", "invalid_request_error", "invalid_api_key").ExecuteAsync(http);
            return;
        }

        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?["model"]?.GetValue<string>() is not { Length: > 0 } model || request["messages"] is not JsonArray { Count: > 0 })
        {
            await OpenAiWire.Error(400, "model and a non-empty messages array are required.", "invalid_request_error", null, request?["model"] is null ? "model" : "messages").ExecuteAsync(http);
            return;
        }

        log.Add(JsonSerializer.SerializeToElement(request));
        var (content, finishReason) = Limit(ChatComposer.Compose(request), (request["max_completion_tokens"] ?? request["max_tokens"])?.GetValue<int>(), request);
        var promptTokens = Tokens(ChatComposer.AllText(request));
        var id = "chatcmpl-sbx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        if (request["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, id, model, content, finishReason, promptTokens, request["stream_options"]?["include_usage"]?.GetValue<bool>() == true);
            return;
        }

        await TypedResults.Json(Completion(id, model, content, promptTokens, finishReason)).ExecuteAsync(http);
    }

    /// <summary>Plain text is cut at the token budget with <c>finish_reason: length</c>; JSON answers are kept whole so they stay parseable.</summary>
    private static (string Content, string FinishReason) Limit(string content, int? maxTokens, JsonObject request)
    {
        var isJson = request["response_format"]?["type"]?.GetValue<string>() is "json_object" or "json_schema";
        if (isJson || maxTokens is not { } budget || Tokens(content) <= budget)
        {
            return (content, "stop");
        }

        var words = Math.Max(1, budget * 3 / 4);
        return (string.Join(' ', content.Split(' ').Take(words)), "length");
    }

    private static async Task StreamAsync(HttpContext http, string id, string model, string content, string finishReason, int promptTokens, bool includeUsage)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        async Task SendAsync(object choices, object? usage = null)
        {
            var chunk = new { id, @object = "chat.completion.chunk", created, model, choices, usage };
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        await SendAsync(new[] { new { index = 0, delta = new { role = "assistant", content = "" }, finish_reason = (string?)null } });
        foreach (var piece in Pieces().Matches(content).Select(m => m.Value))
        {
            await SendAsync(new[] { new { index = 0, delta = (object)new { content = piece }, finish_reason = (string?)null } });
        }

        await SendAsync(new[] { new { index = 0, delta = new { }, finish_reason = (string?)finishReason } });
        if (includeUsage)
        {
            await SendAsync(Array.Empty<object>(), Usage(promptTokens, Tokens(content)));
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    private static object Usage(int prompt, int completion) => new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion };

    /// <summary>Roughly how OpenAI tokenizers count English: four tokens per three words.</summary>
    private static int Tokens(string text) => Math.Max(1, (int)Math.Ceiling(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length * 4 / 3.0));

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Pieces();
}
