using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Ideas;

/// <summary>One step of a streamed generation: a piece of text, or the finished post.</summary>
public sealed record PostStreamUpdate(string? Delta, GeneratedPost? Completed);

/// <summary>The Api's <c>/api/ai</c> endpoints.</summary>
public sealed class AiClient(ApiHttp http)
{
    public async Task<(IdeasResult Ideas, AiQuota? Quota)> GenerateIdeasAsync(GenerateIdeasRequest request, CancellationToken ct = default)
    {
        var answer = await http.PostAsync<IdeasResult>("/api/ai/generate-ideas", request, ct);
        return (answer.Data, QuotaOf(answer));
    }

    public async Task<GeneratedPost> GeneratePostAsync(GeneratePostRequest request, CancellationToken ct = default) =>
        (await http.PostAsync<GeneratedPost>("/api/ai/generate-post", request, ct)).Data;

    public async Task<VariantsResult> GenerateVariantsAsync(GenerateVariantsRequest request, CancellationToken ct = default) =>
        (await http.PostAsync<VariantsResult>("/api/ai/generate-variants", request, ct)).Data;

    /// <summary>The monthly allowance, without spending any of it.</summary>
    public async Task<AiQuota> GetQuotaAsync(CancellationToken ct = default) =>
        (await http.GetAsync<AiQuota>("/api/ai/quota", ct)).Data;

    /// <summary>Generates a post over Server-Sent Events so the editor shows the text as the model writes it.</summary>
    public async IAsyncEnumerable<PostStreamUpdate> StreamPostAsync(GeneratePostRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/ai/generate-post/stream")
        {
            Content = JsonContent.Create(request, options: ApiJson.Options),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendRawAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var sse in ServerSentEvents.ReadAsync(body, ct))
        {
            if (sse.Data == "[DONE]")
            {
                yield break;
            }
            using var json = JsonDocument.Parse(sse.Data);
            var root = json.RootElement;
            if (sse.Event == "error" || root.TryGetProperty("error", out _))
            {
                var problem = root.TryGetProperty("error", out var error) ? error.Deserialize<ApiProblem>(ApiJson.Options) : null;
                throw new ApiException(problem ?? new ApiProblem(null, "The generation stopped", 502, sse.Data, null, []));
            }
            var payload = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : root;
            if (payload.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.String)
            {
                yield return new PostStreamUpdate(delta.GetString(), null);
            }
            else if (payload.TryGetProperty("content", out _))
            {
                yield return new PostStreamUpdate(null, payload.Deserialize<GeneratedPost>(ApiJson.Options));
            }
        }
    }

    private static AiQuota? QuotaOf<T>(Envelope<T> answer) => answer.MetaValue<int?>("quota_remaining") is { } remaining
        ? new AiQuota(answer.MetaValue<int>("quota_used"), remaining, answer.MetaValue<DateTimeOffset?>("quota_resets_at"))
        : null;
}
