using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialPlanner.Web.Features.Api;

/// <summary>The Api speaks snake_case JSON with lower-case enum values; every client reads and writes through these options.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // PATCH bodies are partial: an omitted field means "leave as is", so nulls are not written.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

/// <summary>The success envelope <c>{ data, meta }</c>.</summary>
public sealed record Envelope<T>(T Data, JsonElement? Meta)
{
    /// <summary>One field of <c>meta</c>, absent when the Api did not send it.</summary>
    public TValue? MetaValue<TValue>(string name) =>
        Meta is { ValueKind: JsonValueKind.Object } meta && meta.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Deserialize<TValue>(ApiJson.Options)
            : default;
}
