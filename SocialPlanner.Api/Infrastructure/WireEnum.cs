using System.Text.Json;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Enum values as they appear on the wire (snake_case, like the JSON we write), for query strings and
/// bodies that carry them as plain strings.</summary>
public static class WireEnum
{
    /// <summary>The value named by <paramref name="value"/>; null when it is absent, or — with a field error naming
    /// every accepted value — when it names none.</summary>
    public static T? Parse<T>(List<FieldError> errors, string field, string? value) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        var names = Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
        if (names.TryGetValue(value, out var parsed))
        {
            return parsed;
        }
        errors.Add(new FieldError(field, $"Must be one of {string.Join(", ", names.Keys)}"));
        return null;
    }
}
