using System.Text.Json;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Api.Templates;

/// <summary>Reading and checking the fields of template requests; each reader adds to <c>errors</c> and returns null
/// on a bad value so that one response lists every problem.</summary>
internal static class TemplateInput
{
    public const int MaxNameLength = 100;

    public static string? Name(List<FieldError> errors, string? name)
    {
        if (name is null)
        {
            return null;
        }
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            errors.Add(new FieldError("name", $"Must be 1 to {MaxNameLength} characters"));
            return null;
        }
        return trimmed;
    }

    public static string? Content(List<FieldError> errors, string? content)
    {
        if (content is not null && string.IsNullOrWhiteSpace(content))
        {
            errors.Add(new FieldError("content", "Must not be blank"));
            return null;
        }
        return content;
    }

    /// <summary>A JSON object of strings (names to default values); null when absent.</summary>
    public static Dictionary<string, string>? Variables(List<FieldError> errors, string field, JsonElement? variables)
    {
        if (variables is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add(new FieldError(field, "Must be an object whose values are strings"));
            return null;
        }
        return v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>The template's variables: those declared, plus every placeholder the content uses (empty default), so
    /// a client can list what to fill in from the template alone.</summary>
    public static JsonDocument Declared(Dictionary<string, string>? declared, string content, IEnumerable<string> hashtags)
    {
        var all = new Dictionary<string, string>(declared ?? [], StringComparer.Ordinal);
        foreach (var name in TemplateRenderer.VariablesIn(content).Concat(hashtags.SelectMany(TemplateRenderer.VariablesIn)))
        {
            all.TryAdd(name, "");
        }
        return JsonSerializer.SerializeToDocument(all);
    }

    public static Dictionary<string, string> Defaults(JsonDocument variables) =>
        variables.RootElement.ValueKind == JsonValueKind.Object
            ? variables.RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "", StringComparer.Ordinal)
            : [];

    public static List<string> Hashtags(IEnumerable<string> hashtags) =>
        hashtags.Select(h => h.Trim().TrimStart('#')).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
