using System.Text.Json;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OpenAi;

public sealed record ReceivedChatRequest(DateTimeOffset ReceivedAt, JsonElement Body);

/// <summary>Every chat request as received, so tests can check what our prompts really contained.</summary>
public sealed class ChatRequestLog(TimeProvider clock) : IResettable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedChatRequest> requests = [];

    public void Add(JsonElement body)
    {
        lock (gate)
        {
            requests.Add(new ReceivedChatRequest(clock.GetUtcNow(), body.Clone()));
        }
    }

    public IReadOnlyList<ReceivedChatRequest> List()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }
}
