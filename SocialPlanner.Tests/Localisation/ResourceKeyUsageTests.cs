using System.Text.RegularExpressions;
using System.Xml.Linq;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Localisation;

/// <summary>Every literal key a page asks its localizers for (<c>L["Editor.Title"]</c>, <c>S["Save"]</c>) exists in the
/// resource file of the localizer's marker: a typo would otherwise show the key itself to the user. <c>L</c> is the
/// folder's localizer (the nearest <c>_Imports.razor</c> that injects one), <c>S</c> the shared words.</summary>
public sealed partial class ResourceKeyUsageTests
{
    private static readonly string Web = Path.Combine(BuiltProcess.RepositoryRoot, "SocialPlanner.Web");

    [Fact]
    public void Every_key_the_pages_use_exists_in_their_resources()
    {
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var (name, marker) in new[] { ("L", LocalMarker(file)), ("S", "SharedStrings") })
            {
                var keys = KeyUse(name).Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
                if (keys.Count == 0)
                {
                    continue;
                }
                if (marker is null)
                {
                    missing.Add($"{Relative(file)}: uses {name}[…] but no localizer named {name} is injected for it");
                    continue;
                }
                var known = Keys(marker);
                foreach (var key in keys)
                {
                    checkedKeys++;
                    if (!known.Contains(key))
                    {
                        missing.Add($"{Relative(file)}: {name}[\"{key}\"] is not in {marker}.resx");
                    }
                }
            }
        }
        Assert.True(checkedKeys > 300, $"only {checkedKeys} keys found: the scan no longer sees the pages' texts");
        Assert.Empty(missing);
    }

    /// <summary>The Api names its error texts by key (<c>ApiProblem.BusinessRule("Queue.AlreadyScheduled")</c>,
    /// <c>ApiProblem.NotFound("Post")</c>): every literal key of a known group exists in ApiStrings.resx.</summary>
    [Fact]
    public void Every_key_the_Api_uses_exists_in_its_resources()
    {
        var api = Path.Combine(BuiltProcess.RepositoryRoot, "SocialPlanner.Api");
        var known = XDocument.Load(Path.Combine(api, "Infrastructure", "ApiStrings.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();
        var groups = known.Where(k => k.Contains('.', StringComparison.Ordinal)).Select(k => k.Split('.')[0]).ToHashSet();
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var used = ApiKeyLiteral().Matches(text).Select(m => m.Groups[1].Value).Where(k => groups.Contains(k.Split('.')[0]))
                .Concat(NotFoundUse().Matches(text).Select(m => "NotFound." + m.Groups[1].Value));
            foreach (var key in used.Distinct())
            {
                checkedKeys++;
                if (!known.Contains(key))
                {
                    missing.Add($"{Relative(file)}: \"{key}\" is not in ApiStrings.resx");
                }
            }
        }
        Assert.True(checkedKeys > 100, $"only {checkedKeys} keys found: the scan no longer sees the Api's texts");
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"(?<![$@\w])""([A-Z]\w*(?:\.\w+)+)""")]
    private static partial Regex ApiKeyLiteral();

    [GeneratedRegex(@"ApiProblem\.NotFound\(""(\w+)""\)")]
    private static partial Regex NotFoundUse();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Web, "*.razor*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".razor.cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The marker of the file's <c>L</c>: injected in the file itself, else by the nearest _Imports.razor.</summary>
    private static string? LocalMarker(string file)
    {
        var razor = file.EndsWith(".razor.cs", StringComparison.Ordinal) ? file[..^3] : file;
        foreach (var candidate in new[] { file, razor }.Where(File.Exists))
        {
            if (Injection().Match(File.ReadAllText(candidate)) is { Success: true } own)
            {
                return own.Groups[1].Value;
            }
        }
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.StartsWith(Web, StringComparison.Ordinal);
             directory = Path.GetDirectoryName(directory))
        {
            var imports = Path.Combine(directory, "_Imports.razor");
            if (File.Exists(imports) && Injection().Match(File.ReadAllText(imports)) is { Success: true } inherited)
            {
                return inherited.Groups[1].Value;
            }
        }
        return null;
    }

    private static HashSet<string> Keys(string marker)
    {
        var resx = Directory.EnumerateFiles(Web, marker + ".resx", SearchOption.AllDirectories).Single();
        return [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
    }

    private static string Relative(string file) => Path.GetRelativePath(BuiltProcess.RepositoryRoot, file);

    private static Regex KeyUse(string name) => new($@"(?<![\w.]){name}\[""([^""]+)""");

    [GeneratedRegex(@"IStringLocalizer<(?:[\w.]+\.)?(\w+)>\s+L\b")]
    private static partial Regex Injection();
}
