using System.Text.Json;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Api.Templates;

/// <summary>The values of template requests once <see cref="TemplateFieldsValidator{T}"/> has passed them.</summary>
internal static class TemplateInput
{
    public const int MaxNameLength = 100;
    public const string VariablesShape = "Templates.VariablesShape";

    /// <summary>Absent (or null), or a JSON object of strings: names to default values.</summary>
    public static bool AreVariables(JsonElement? variables) =>
        variables is not { } v || v.ValueKind == JsonValueKind.Null
        || (v.ValueKind == JsonValueKind.Object && v.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String));

    /// <summary>The names and default values of <see cref="AreVariables"/>' object; null when absent.</summary>
    public static Dictionary<string, string>? Variables(JsonElement? variables) =>
        variables is { ValueKind: JsonValueKind.Object } v
            ? v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : null;

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
