using System.Runtime.CompilerServices;
using System.Text;

namespace SocialPlanner.Web.Features.Api;

public sealed record ServerSentEvent(string Event, string Data);

/// <summary>Reads a <c>text/event-stream</c> body: events end at a blank line, <c>data:</c> lines join with newlines.</summary>
public static class ServerSentEvents
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return new ServerSentEvent(name, data.ToString());
                }
                name = "message";
                data.Clear();
                continue;
            }
            if (line.StartsWith(':'))
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }
                data.Append(value);
            }
        }
        if (data.Length > 0)
        {
            yield return new ServerSentEvent(name, data.ToString());
        }
    }
}
