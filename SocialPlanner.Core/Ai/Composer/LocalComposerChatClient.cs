using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SocialPlanner.Core.Ai.Composer;

/// <summary>The provider when none is configured, so the app works with no key and no network. It reads the brief
/// our prompts carry and composes the answer in the same JSON contract a real model is asked for, so everything
/// after the provider (checks, audit, quota, streaming) runs exactly as with a model.</summary>
public sealed partial class LocalComposerChatClient : IChatClient
{
    public const string ModelName = "local-composer";

    private static readonly ChatClientMetadata Metadata = new("local-composer", defaultModelId: ModelName);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var text = Compose(list);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(list, text),
        };
        return Task.FromResult(response);
    }

    /// <summary>The same answer in word-sized pieces, usage last, as an OpenAI stream delivers it.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (Match piece in Pieces().Matches(response.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece.Value) { ModelId = ModelName };
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(response.Usage!)])
        {
            ModelId = ModelName, FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static string Compose(IReadOnlyList<ChatMessage> messages)
    {
        var input = AiPrompts.ReadInput(messages);
        object? answer = input?.Task switch
        {
            AiPrompts.IdeasTask => Read<IdeasBrief>(input.Brief) is { } ideas ? IdeaComposer.Compose(ideas) : null,
            AiPrompts.PostTask => Read<PostBrief>(input.Brief) is { } post ? PostComposer.Compose(post) : null,
            AiPrompts.VariantsTask => Read<VariantsBrief>(input.Brief) is { } variants ? VariantComposer.Compose(variants) : null,
            _ => null,
        };
        return answer is null
            ? "The local composer writes ideas, posts and variants from SocialPlanner's briefs; this request carries none."
            : JsonSerializer.Serialize(answer, answer.GetType(), AiJson.Options);
    }

    private static T? Read<T>(JsonElement brief) where T : class
    {
        try
        {
            return brief.Deserialize<T>(AiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>About four characters per token, as for OpenAI's tokenizers on English text.</summary>
    private static UsageDetails Usage(IEnumerable<ChatMessage> messages, string answer)
    {
        var input = (messages.Sum(m => m.Text.Length) + 3) / 4;
        var output = (answer.Length + 3) / 4;
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Pieces();
}
