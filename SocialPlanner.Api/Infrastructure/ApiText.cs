using Microsoft.Extensions.Localization;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>A text a client reads: an <see cref="ApiStrings"/> key and its values, put into words only when the answer
/// is written, in the request's language. Values that are texts themselves are resolved the same way. A text that is
/// already in the reader's language (FluentValidation's own messages, the Core's rules, a platform's words) is
/// <see cref="Verbatim"/>.</summary>
public sealed class ApiText
{
    private readonly string? _key;
    private readonly string? _verbatim;
    private readonly object?[] _values;

    private ApiText(string? key, string? verbatim, object?[] values)
    {
        _key = key;
        _verbatim = verbatim;
        _values = values;
    }

    /// <summary>A key and its placeholder values. A value that is a list is refused: it is what a caller passing a
    /// sentence and its field errors to a <c>(string key, params object?[] values)</c> overload ends up with, and
    /// would otherwise lose the errors silently.</summary>
    public static ApiText Of(string key, params object?[] values)
    {
        if (values.FirstOrDefault(v => v is System.Collections.IEnumerable and not string) is { } list)
        {
            throw new ArgumentException($"'{key}' got a {list.GetType().Name} as a placeholder value; a key's values are single values", nameof(values));
        }
        return new(key, null, values);
    }

    public static ApiText Verbatim(string text) => new(null, text, []);

    /// <summary>"A", "A or B", "A, B or C": the last two joined by the language's word (<c>Words.Or</c>, <c>Words.And</c>,
    /// texts "{0} or {1}").</summary>
    public static ApiText List(IReadOnlyList<string> items, string conjunctionKey) => items.Count switch
    {
        0 => Verbatim(""),
        1 => Verbatim(items[0]),
        _ => Of(conjunctionKey, string.Join(", ", items.Take(items.Count - 1)), items[^1]),
    };

    public string Resolve(IStringLocalizer localizer) =>
        _verbatim ?? localizer[_key!, [.. _values.Select(v => v is ApiText text ? text.Resolve(localizer) : v ?? "")]].Value;

    /// <summary>The key (or the verbatim text): what logs and exception messages show.</summary>
    public override string ToString() => _verbatim ?? _key!;
}

/// <summary>A field's complaint before it is put into words; <see cref="FieldError"/> is its written form.</summary>
public sealed record FieldProblem(string Field, ApiText Message)
{
    public static FieldProblem Of(string field, string key, params object?[] values) => new(field, ApiText.Of(key, values));

    public static FieldProblem Verbatim(string field, string message) => new(field, ApiText.Verbatim(message));
}
