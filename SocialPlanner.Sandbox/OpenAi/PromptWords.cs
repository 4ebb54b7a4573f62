using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Sandbox.OpenAi;

/// <summary>
/// The material generated answers are built from: the distinctive words of the user's prompt, and a
/// seed from its text, so the same prompt always yields the same answer and a different prompt a different one.
/// </summary>
public sealed partial class PromptWords
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "above", "after", "again", "also", "been", "being", "each", "from", "generate", "give", "have", "into", "json", "just",
        "make", "more", "most", "must", "only", "other", "over", "please", "provide", "respond", "return", "should", "some", "such",
        "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "very", "what", "when", "where",
        "which", "while", "will", "with", "write", "your", "ideas", "idea", "post", "posts", "list", "format", "following", "field", "fields",
    };

    private readonly List<string> _words;
    private int _next;

    public PromptWords(string prompt)
    {
        Prompt = prompt;
        _words = Word().Matches(prompt).Select(m => m.Value.ToLowerInvariant()).Where(w => !Ignored.Contains(w)).Distinct().ToList();
        if (_words.Count == 0)
        {
            _words = ["social", "planning", "audience", "story"];
        }

        _next = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(prompt))) % _words.Count;
    }

    public string Prompt { get; }

    public string Next() => _words[_next++ % _words.Count];

    public int Pick(int choices) => _next++ % Math.Max(1, choices);

    public string Phrase(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Next()));

    public string Title() => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Phrase(3));

    public string Sentence() => $"Why {Next()} matters for {Next()}: a practical look at {Next()} and {Next()} for your audience.";

    public string PostText() => $"{Title()}\n\n{Sentence()} Share how {Next()} changed your {Next()}.";

    public IReadOnlyList<string> Hashtags(int count) => Enumerable.Range(0, count).Select(_ => "#" + Next()).ToList();

    /// <summary>The number of items the prompt asks for ("12 ideas"), or the fallback.</summary>
    public int RequestedCount(int fallback)
    {
        var asked = CountRequest().Match(Prompt);
        if (asked.Success)
        {
            return Math.Clamp(int.Parse(asked.Groups["n"].Value, CultureInfo.InvariantCulture), 1, 50);
        }

        var inRange = IdeaRange().Match(Prompt);
        return inRange.Success ? int.Parse(inRange.Value, CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?<n>\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}?(?:ideas|variants|variations|posts|items|options|suggestions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountRequest();

    [GeneratedRegex(@"\b1[0-5]\b")]
    private static partial Regex IdeaRange();
}
