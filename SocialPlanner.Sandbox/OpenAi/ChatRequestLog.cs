using System.Text.Json;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OpenAi;

public sealed record ReceivedChatRequest(DateTimeOffset ReceivedAt, JsonElement Body);

/// <summary>Every chat request as received, so tests can check what our prompts really contained.</summary>
public sealed class ChatRequestLog(TimeProvider clock) : IResettable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedChatRequest> _requests = [];

    public void Add(JsonElement body)
    {
        lock (_gate)
        {
            _requests.Add(new ReceivedChatRequest(clock.GetUtcNow(), body.Clone()));
        }
    }

    public IReadOnlyList<ReceivedChatRequest> List()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
