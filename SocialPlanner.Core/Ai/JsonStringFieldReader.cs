using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Ai;

/// <summary>Reads one string property out of JSON that is still arriving, so the editor can show a post's content
/// while the model is writing the JSON around it. Returns the newly decoded characters on each append.</summary>
public sealed partial class JsonStringFieldReader(string property)
{
    private readonly StringBuilder buffer = new();
    private readonly Regex start = new($"\"{Regex.Escape(property)}\"\\s*:\\s*\"", RegexOptions.CultureInvariant);
    private int position = -1;
    private bool finished;

    public string Append(string chunk)
    {
        buffer.Append(chunk);
        if (finished)
        {
            return "";
        }
        if (position < 0)
        {
            var match = start.Match(buffer.ToString());
            if (!match.Success)
            {
                return "";
            }
            position = match.Index + match.Length;
        }
        var decoded = new StringBuilder();
        while (position < buffer.Length)
        {
            var c = buffer[position];
            if (c == '"')
            {
                finished = true;
                break;
            }
            if (c != '\\')
            {
                // A high surrogate waits for its pair so a delta never ends half a character.
                if (char.IsHighSurrogate(c) && position + 1 >= buffer.Length)
                {
                    break;
                }
                decoded.Append(c);
                position++;
                continue;
            }
            if (Escape(position) is not { } escape)
            {
                break;
            }
            decoded.Append(escape.Text);
            position += escape.Length;
        }
        return decoded.ToString();
    }

    /// <summary>The escape at <paramref name="at"/>, or null while it is incomplete (or a \u high surrogate
    /// still waits for its low half).</summary>
    private (string Text, int Length)? Escape(int at)
    {
        if (at + 1 >= buffer.Length)
        {
            return null;
        }
        var kind = buffer[at + 1];
        if (kind != 'u')
        {
            return (kind switch { 'n' => "\n", 't' => "\t", 'r' => "\r", 'b' => "\b", 'f' => "\f", _ => kind.ToString() }, 2);
        }
        if (Hex(at + 2) is not { } unit)
        {
            return null;
        }
        if (!char.IsHighSurrogate(unit))
        {
            return (unit.ToString(), 6);
        }
        if (at + 12 > buffer.Length)
        {
            return null;
        }
        return buffer[at + 6] == '\\' && buffer[at + 7] == 'u' && Hex(at + 8) is { } low
            ? (new string([unit, low]), 12)
            : (unit.ToString(), 6);
    }

    private char? Hex(int at) =>
        at + 4 <= buffer.Length && ushort.TryParse(buffer.ToString(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? (char)value
            : null;
}
