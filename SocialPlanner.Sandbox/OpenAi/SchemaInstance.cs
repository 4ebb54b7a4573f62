using System.Text.Json.Nodes;

namespace SocialPlanner.Sandbox.OpenAi;

/// <summary>
/// Builds a JSON value that satisfies a JSON Schema (the subset structured outputs use: type, properties,
/// required, items, enum, const, anyOf/oneOf, $ref, min/maxItems), filling text from the prompt's words
/// and choosing content by property name so answers read like what was asked for.
/// </summary>
public sealed class SchemaInstance(JsonObject root, PromptWords words)
{
    private const int MaxDepth = 12;

    public JsonNode? Generate() => Generate(root, "", 0);

    private JsonNode? Generate(JsonNode? schema, string name, int depth)
    {
        if (schema is not JsonObject node || depth > MaxDepth)
        {
            return words.Phrase(2);
        }

        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            return Generate(Resolve(reference), name, depth + 1);
        }

        if (node["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (node["enum"] is JsonArray choices && choices.Count > 0)
        {
            return choices[words.Pick(choices.Count)]?.DeepClone();
        }

        if ((node["anyOf"] ?? node["oneOf"]) is JsonArray alternatives)
        {
            var chosen = alternatives.FirstOrDefault(a => TypeOf(a as JsonObject) != "null") ?? alternatives.FirstOrDefault();
            return Generate(chosen, name, depth + 1);
        }

        return TypeOf(node) switch
        {
            "object" => Object(node, depth),
            "array" => Array(node, name, depth),
            "integer" => Number(node, name),
            "number" => Number(node, name),
            "boolean" => true,
            "null" => null,
            _ => Text(node, name),
        };
    }

    private JsonObject Object(JsonObject node, int depth)
    {
        var result = new JsonObject();
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (property, schema) in properties)
            {
                result[property] = Generate(schema, property, depth + 1);
            }
        }

        return result;
    }

    private JsonArray Array(JsonObject node, string name, int depth)
    {
        var minimum = node["minItems"]?.GetValue<int>() ?? 1;
        var maximum = node["maxItems"]?.GetValue<int>() ?? 50;
        // Only the answer's main list (e.g. "ideas") follows the count the prompt asks for.
        var wanted = name.Contains("hashtag", StringComparison.OrdinalIgnoreCase) ? 3
            : depth <= 1 ? words.RequestedCount(name is "variants" or "variations" ? 3 : 5)
            : 2;
        var count = Math.Clamp(wanted, minimum, Math.Max(minimum, maximum));
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(Generate(node["items"], Singular(name), depth + 1));
        }

        return items;
    }

    private JsonValue Number(JsonObject node, string name)
    {
        var minimum = node["minimum"]?.GetValue<double>() ?? (name.Contains("score", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        var maximum = node["maximum"]?.GetValue<double>() ?? Math.Max(minimum, 10);
        return JsonValue.Create((int)minimum + words.Pick((int)(maximum - minimum) + 1));
    }

    private JsonValue Text(JsonObject node, string name)
    {
        var key = name.ToLowerInvariant();
        var format = node["format"]?.GetValue<string>();
        string text = (key, format) switch
        {
            (_, "date-time") => DateTimeOffset.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd'T'09:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture),
            (_, "date") => DateTimeOffset.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (_, "uri") => $"https://example.test/{words.Next()}",
            _ when key.Contains("hashtag", StringComparison.Ordinal) => "#" + words.Next(),
            _ when key.Contains("platform", StringComparison.Ordinal) => words.Pick(2) == 0 ? "linkedin" : "instagram",
            _ when key.Contains("engagement", StringComparison.Ordinal) => new[] { "medium", "high", "low" }[words.Pick(3)],
            _ when key.Contains("variation", StringComparison.Ordinal) || key.EndsWith("type", StringComparison.Ordinal) => new[] { "shorter", "question", "story", "listicle" }[words.Pick(4)],
            _ when key.Contains("title", StringComparison.Ordinal) || key.Contains("headline", StringComparison.Ordinal) => words.Title(),
            _ when key is "content" or "text" or "body" or "post" or "caption" || key.EndsWith("content", StringComparison.Ordinal) => words.PostText(),
            _ when key.Contains("description", StringComparison.Ordinal) || key.Contains("summary", StringComparison.Ordinal) || key.Contains("reason", StringComparison.Ordinal) => words.Sentence(),
            _ => words.Phrase(3),
        };
        return JsonValue.Create(text);
    }

    private JsonNode? Resolve(string reference)
    {
        if (reference == "#")
        {
            return root;
        }

        JsonNode? current = root;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current?[segment.Replace("~1", "/").Replace("~0", "~")];
        }

        return current;
    }

    private static string? TypeOf(JsonObject? node) => node?["type"] switch
    {
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        JsonValue type => type.GetValue<string>(),
        _ => node?["properties"] is not null ? "object" : node?["items"] is not null ? "array" : "string",
    };

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
