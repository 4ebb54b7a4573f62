using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Ideas;

/// <summary>One step of a streamed generation: a piece of text, a restart (drop what came so far), or the finished post.</summary>
public sealed record PostStreamUpdate(string? Delta, bool Restart, GeneratedPost? Completed);

/// <summary>The Api's <c>/api/ai</c> endpoints.</summary>
public sealed class AiClient(ApiHttp http)
{
    public async Task<(IdeasResult Ideas, AiQuota? Quota)> GenerateIdeasAsync(GenerateIdeasRequest request, CancellationToken ct = default)
    {
        var answer = await http.PostAsync<IdeasResult>("/api/ai/generate-ideas", request, ct);
        return (answer.Data, QuotaOf(answer));
    }

    public async Task<AiQuota> GetQuotaAsync(CancellationToken ct = default) =>
        (await http.GetAsync<AiQuota>("/api/ai/quota", ct)).Data;

    public async Task<VariantsResult> GenerateVariantsAsync(GenerateVariantsRequest request, CancellationToken ct = default) =>
        (await http.PostAsync<VariantsResult>("/api/ai/generate-variants", request, ct)).Data;

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
            switch (sse.Event)
            {
                case "delta":
                    yield return new PostStreamUpdate(Read<StreamDelta>(sse).Text, false, null);
                    break;
                case "restart":
                    yield return new PostStreamUpdate(null, true, null);
                    break;
                case "done":
                    yield return new PostStreamUpdate(null, false, Read<GeneratedPost>(sse));
                    yield break;
                case "error":
                    throw new ApiException(Read<ErrorEvent>(sse).Error);
            }
        }
    }

    private static T Read<T>(ServerSentEvent sse) =>
        JsonSerializer.Deserialize<T>(sse.Data, ApiJson.Options) ?? throw new JsonException($"Empty '{sse.Event}' event");

    private sealed record StreamDelta(string Text);

    private sealed record ErrorEvent(ApiProblem Error);

    private static AiQuota? QuotaOf<T>(Envelope<T> answer) => answer.MetaValue<int?>("quota_remaining") is { } remaining
        ? new AiQuota(answer.MetaValue<int>("quota_used"), remaining, answer.MetaValue<DateTimeOffset?>("quota_resets_at"))
        : null;
}
