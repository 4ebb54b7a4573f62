using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Ai;

/// <summary>Reads one string property out of JSON that is still arriving, so the editor can show a post's content
/// while the model is writing the JSON around it. Returns the newly decoded characters on each append.</summary>
public sealed partial class JsonStringFieldReader(string property)
{
    private readonly StringBuilder _buffer = new();
    private readonly Regex _start = new($"\"{Regex.Escape(property)}\"\\s*:\\s*\"", RegexOptions.CultureInvariant);
    private int _position = -1;
    private bool _finished;

    public string Append(string chunk)
    {
        _buffer.Append(chunk);
        if (_finished)
        {
            return "";
        }
        if (_position < 0)
        {
            var match = _start.Match(_buffer.ToString());
            if (!match.Success)
            {
                return "";
            }
            _position = match.Index + match.Length;
        }
        var decoded = new StringBuilder();
        while (_position < _buffer.Length)
        {
            var c = _buffer[_position];
            if (c == '"')
            {
                _finished = true;
                break;
            }
            if (c != '\\')
            {
                // A high surrogate waits for its pair so a delta never ends half a character.
                if (char.IsHighSurrogate(c) && _position + 1 >= _buffer.Length)
                {
                    break;
                }
                decoded.Append(c);
                _position++;
                continue;
            }
            if (Escape(_position) is not { } escape)
            {
                break;
            }
            decoded.Append(escape.Text);
            _position += escape.Length;
        }
        return decoded.ToString();
    }

    /// <summary>The escape at <paramref name="at"/>, or null while it is incomplete (or a \u high surrogate
    /// still waits for its low half).</summary>
    private (string Text, int Length)? Escape(int at)
    {
        if (at + 1 >= _buffer.Length)
        {
            return null;
        }
        var kind = _buffer[at + 1];
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
        if (at + 12 > _buffer.Length)
        {
            return null;
        }
        return _buffer[at + 6] == '\\' && _buffer[at + 7] == 'u' && Hex(at + 8) is { } low
            ? (new string([unit, low]), 12)
            : (unit.ToString(), 6);
    }

    private char? Hex(int at) =>
        at + 4 <= _buffer.Length && ushort.TryParse(_buffer.ToString(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? (char)value
            : null;
}
