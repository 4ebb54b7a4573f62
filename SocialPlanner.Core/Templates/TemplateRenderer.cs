using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Core.Templates;

/// <summary>A template filled in: the text, or what stopped it.</summary>
public sealed record TemplateRendering(string Content, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown)
{
    public bool Succeeded => Missing.Count == 0 && Unknown.Count == 0;
}

/// <summary>Fills <c>{{variable}}</c> placeholders. Rules, pinned by tests:
/// whitespace inside the braces is ignored (<c>{{ topic }}</c>); names are any letters, digits, '_', '-' or '.',
/// in any script, compared after Unicode normalisation (NFC); values are inserted literally in one pass, so braces in a
/// value are never expanded again; a variable without a supplied value takes the template's non-empty default, else
/// it is missing; a supplied name the template does not know is an error (a typo would otherwise vanish silently).</summary>
public static partial class TemplateRenderer
{
    public static TemplateRendering Render(string content, IReadOnlyList<string> hashtags,
        IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> supplied)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in defaults.Where(d => d.Value.Length > 0).Concat(supplied))
        {
            values[Normalize(name)] = value;
        }
        var used = VariablesIn(content).Concat(hashtags.SelectMany(VariablesIn)).Distinct(StringComparer.Ordinal).ToList();
        var known = used.Concat(defaults.Keys.Select(Normalize)).ToHashSet(StringComparer.Ordinal);
        var unknown = supplied.Keys.Select(Normalize).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        var missing = used.Where(n => !values.ContainsKey(n)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            return new TemplateRendering(content, hashtags, missing, unknown);
        }
        return new TemplateRendering(Fill(content, values), hashtags.Select(h => Fill(h, values)).ToList(), [], []);
    }

    /// <summary>The distinct variable names in <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> VariablesIn(string text) =>
        Placeholder().Matches(text).Select(m => Normalize(m.Groups["name"].Value)).Distinct(StringComparer.Ordinal).ToList();

    private static string Fill(string text, Dictionary<string, string> values) =>
        Placeholder().Replace(text, m => values[Normalize(m.Groups["name"].Value)]);

    private static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC);

    [GeneratedRegex(@"\{\{\s*(?<name>[\p{L}\p{M}\p{N}_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
