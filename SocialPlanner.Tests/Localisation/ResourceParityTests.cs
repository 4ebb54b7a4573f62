using System.Text.RegularExpressions;
using System.Xml.Linq;
using SocialPlanner.Localisation;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Localisation;

/// <summary>Every language ships complete: each neutral (English) resource file has a file per other language with
/// exactly the same keys, no empty text, and the same <c>{0}</c>-style placeholders, so a translation can neither be
/// missing nor drop a value the code passes in.</summary>
public sealed partial class ResourceParityTests
{
    private static readonly string[] SourceProjects =
        ["SocialPlanner.Api", "SocialPlanner.Core", "SocialPlanner.Web", "SocialPlanner.Worker", "SocialPlanner.ServiceDefaults"];

    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllResx().Where(f => CultureOf(f) is null))
        {
            data.Add(Path.GetRelativePath(BuiltProcess.RepositoryRoot, file));
        }
        return data;
    }

    [Fact]
    public void The_product_has_resource_files_in_every_language()
    {
        var files = AllResx().ToList();
        Assert.NotEmpty(files);
        foreach (var language in Languages.All.Where(l => l != Languages.Default))
        {
            Assert.Contains(files, f => CultureOf(f) == language);
        }
    }

    [Fact]
    public void Every_translation_has_its_neutral_file()
    {
        var orphans = AllResx()
            .Where(f => CultureOf(f) is not null && !File.Exists(NeutralOf(f)))
            .Select(f => Path.GetRelativePath(BuiltProcess.RepositoryRoot, f))
            .ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Only_languages_the_product_speaks_have_resource_files()
    {
        var unknown = AllResx()
            .Where(f => CultureOf(f) is { } culture && !Languages.IsSupported(culture))
            .Select(f => Path.GetRelativePath(BuiltProcess.RepositoryRoot, f))
            .ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Every_language_has_the_same_keys_and_placeholders(string neutralFile)
    {
        var neutralPath = Path.Combine(BuiltProcess.RepositoryRoot, neutralFile);
        var neutral = Entries(neutralPath);
        Assert.All(neutral, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{neutralFile}: '{e.Key}' is empty"));
        foreach (var language in Languages.All.Where(l => l != Languages.Default))
        {
            var translatedPath = Path.ChangeExtension(neutralPath, null) + "." + language + ".resx";
            Assert.True(File.Exists(translatedPath), $"{neutralFile} has no '{language}' file ({Path.GetFileName(translatedPath)})");
            var translated = Entries(translatedPath);

            var missing = neutral.Keys.Except(translated.Keys).Order().ToList();
            var extra = translated.Keys.Except(neutral.Keys).Order().ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(translatedPath)} lacks: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{Path.GetFileName(translatedPath)} has keys English lacks: {string.Join(", ", extra)}");
            foreach (var (key, text) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{Path.GetFileName(translatedPath)}: '{key}' is empty");
                Assert.True(Placeholders(neutral[key]).SetEquals(Placeholders(text)),
                    $"{Path.GetFileName(translatedPath)}: '{key}' has placeholders {{{string.Join(",", Placeholders(text))}}}, " +
                    $"English has {{{string.Join(",", Placeholders(neutral[key]))}}}");
            }
        }
    }

    [Fact]
    public void The_parity_check_notices_a_missing_key()
    {
        var directory = Directory.CreateTempSubdirectory("resx-parity");
        try
        {
            var neutral = Path.Combine(directory.FullName, "Sample.resx");
            var french = Path.Combine(directory.FullName, "Sample.fr.resx");
            File.WriteAllText(neutral, Resx(("Save", "Save"), ("Delete", "Delete {0}")));
            File.WriteAllText(french, Resx(("Save", "Enregistrer")));
            Assert.Equal(["Delete"], Entries(neutral).Keys.Except(Entries(french).Keys));
            Assert.Equal(["0"], Placeholders(Entries(neutral)["Delete"]));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> AllResx() =>
        SourceProjects
            .Select(p => Path.Combine(BuiltProcess.RepositoryRoot, p))
            .Where(Directory.Exists)
            .SelectMany(p => Directory.EnumerateFiles(p, "*.resx", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>"Strings.fr.resx" → "fr"; null for the neutral "Strings.resx".</summary>
    private static string? CultureOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name[(dot + 1)..];
    }

    private static string NeutralOf(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(file)) + ".resx");

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    private static string Resx(params (string Key, string Value)[] entries) =>
        new XDocument(new XElement("root",
            entries.Select(e => new XElement("data", new XAttribute("name", e.Key), new XElement("value", e.Value))))).ToString();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
