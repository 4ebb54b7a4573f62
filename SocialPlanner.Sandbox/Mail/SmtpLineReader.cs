using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace SocialPlanner.Sandbox.Mail;

/// <summary>Reads CRLF-terminated lines as raw bytes, because DATA may carry 8-bit content that must reach MimeKit untouched.</summary>
public sealed class SmtpLineReader(PipeReader reader)
{
    private const int MaxLineBytes = 1 << 20;

    /// <summary>Next line without its terminator, or null when the client has gone.</summary>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is { } end)
            {
                var line = buffer.Slice(0, end).ToArray();
                reader.AdvanceTo(buffer.GetPosition(1, end));
                return line is [.., (byte)'\r'] ? line[..^1] : line;
            }

            if (result.IsCompleted || buffer.Length > MaxLineBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public async Task<string?> ReadCommandAsync(CancellationToken cancellationToken) =>
        await ReadLineAsync(cancellationToken) is { } line ? Encoding.UTF8.GetString(line) : null;
}
