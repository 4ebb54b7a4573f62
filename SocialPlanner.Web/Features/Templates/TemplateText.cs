using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace SocialPlanner.Web.Features.Templates;

/// <summary>A template's category in words, and its <c>{{variables}}</c> as the person filling it in sees them: in the order the text uses them,
/// named in words, and the text as it will read. The placeholder syntax is the Api's (whitespace inside the braces
/// ignored; letters, digits, '_', '-', '.'); the Api renders the draft itself, this only previews it.</summary>
public static partial class TemplateText
{
    /// <summary>The resource key of a category's name: its stored value, which stays the spec's (<c>Category.conseil</c>,
    /// <c>Category.etude_cas</c>).</summary>
    public static string CategoryKey(TemplateCategory category) => "Category." + JsonNamingPolicy.SnakeCaseLower.ConvertName(category.ToString());

    public static string Describe(TemplateCategory category, IStringLocalizer<TemplatesStrings> texts) => texts[CategoryKey(category)];

    /// <summary>The variables in order of first use in the text, then any the template declares but does not use.</summary>
    public static IReadOnlyList<string> Ordered(string content, IEnumerable<string> declared)
    {
        var used = Placeholder().Matches(content).Select(m => Normalize(m.Groups["name"].Value)).Distinct(StringComparer.Ordinal).ToList();
        return [.. used, .. declared.Where(d => !used.Contains(Normalize(d), StringComparer.Ordinal))];
    }

    /// <summary>"astuce_du_jour" → "Astuce du jour".</summary>
    public static string Label(string name)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ').Replace('.', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];
    }

    /// <summary>The text with each variable's value, or its placeholder while it has none.</summary>
    public static string Preview(string content, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(content, m => values.TryGetValue(Normalize(m.Groups["name"].Value), out var value) && value.Length > 0 ? value : m.Value);

    private static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC);

    [GeneratedRegex(@"\{\{\s*(?<name>[\p{L}\p{M}\p{N}_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
