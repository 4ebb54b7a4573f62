using System.Text.Json;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Enum values as they appear on the wire (snake_case, like the JSON we write), for query strings and
/// bodies that carry them as plain strings.</summary>
public static class WireEnum
{
    /// <summary>Absent, or the wire name of a value: the rule the validators apply before <see cref="Parse{T}"/>.</summary>
    public static bool IsAbsentOrNameOf<T>(string? value) where T : struct, Enum =>
        value is null || Names<T>.ByName.ContainsKey(value);

    /// <summary>The message of a value that names none, listing every accepted one.</summary>
    public static ApiText Expected<T>() where T : struct, Enum => ApiText.Of("Validation.OneOf", string.Join(", ", Names<T>.ByName.Keys));

    /// <summary>The value named by an already validated <paramref name="value"/>; null when it is absent.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        value is null ? null : Names<T>.ByName[value];

    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
    }
}
