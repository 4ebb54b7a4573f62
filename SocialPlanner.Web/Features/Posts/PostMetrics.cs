using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialPlanner.Web.Features.Posts;

public enum Network { LinkedIn, Instagram }

/// <summary>What one network accepts and where its feed folds a long text behind "see more" / "more".</summary>
public sealed record NetworkRules(Network Network, string Name, int MaxCharacters, int? MaxHashtags, int FoldAfterCharacters, int FoldAfterLines)
{
    /// <summary>LinkedIn: 3,000 characters; the feed shows about three lines (~210 characters) before "…see more".</summary>
    public static readonly NetworkRules LinkedIn = new(Network.LinkedIn, "LinkedIn", 3_000, null, 210, 3);

    /// <summary>Instagram: 2,200 characters and 30 hashtags per caption; the feed shows ~125 characters before "… more".</summary>
    public static readonly NetworkRules Instagram = new(Network.Instagram, "Instagram", 2_200, 30, 125, 2);

    public static NetworkRules For(Network network) => network == Network.LinkedIn ? LinkedIn : Instagram;
}

/// <summary>How a post measures against one network's limits.</summary>
public sealed record NetworkMetrics(NetworkRules Rules, int Characters, int Hashtags)
{
    public bool IsOverCharacters => Characters > Rules.MaxCharacters;
    public bool IsOverHashtags => Rules.MaxHashtags is { } max && Hashtags > max;
    public bool IsWithinLimits => !IsOverCharacters && !IsOverHashtags;
    public int CharactersLeft => Rules.MaxCharacters - Characters;
}

/// <summary>
/// The networks' counting rules, mirrored from the Api's PlatformRules so the editor warns before the Api refuses:
/// the text a network receives is the content plus the hashtags it does not already carry, and characters are what
/// a reader sees (an emoji counts once).
/// </summary>
public static partial class PostMetrics
{
    public static string PublishedText(string content, IEnumerable<string> hashtags)
    {
        var inText = HashtagsIn(content);
        var appended = hashtags.Select(Normalize).Where(h => h.Length > 0 && !inText.Contains(h)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(h => "#" + h).ToList();
        return appended.Count == 0 ? content : $"{content}\n\n{string.Join(' ', appended)}";
    }

    public static int CharacterCount(string text) => new StringInfo(text).LengthInTextElements;

    public static int HashtagCount(string content, IEnumerable<string> hashtags)
    {
        var all = HashtagsIn(content);
        all.UnionWith(hashtags.Select(Normalize).Where(h => h.Length > 0));
        return all.Count;
    }

    public static NetworkMetrics Measure(Network network, string content, IReadOnlyCollection<string> hashtags) =>
        new(NetworkRules.For(network), CharacterCount(PublishedText(content, hashtags)), HashtagCount(content, hashtags));

    /// <summary>A first comment's limit on each network (the Api's FirstComments; LinkedIn's figure is unconfirmed).</summary>
    public static int MaxCommentCharacters(Network network) => network == Network.LinkedIn ? 1_250 : 2_200;

    /// <summary>Instagram counts hashtags across the caption and the first comment together.</summary>
    public static int HashtagCountWithComment(string content, IEnumerable<string> hashtags, string comment) =>
        HashtagCount($"{content}\n{comment}", hashtags);

    public static IReadOnlyList<Network> NetworksOf(PostPlatform platform) => platform switch
    {
        PostPlatform.Linkedin => [Network.LinkedIn],
        PostPlatform.Instagram => [Network.Instagram],
        _ => [Network.LinkedIn, Network.Instagram],
    };

    /// <summary>"#Tech", "tech " and "Tech" are the same hashtag to the user typing them.</summary>
    public static string Normalize(string hashtag) => hashtag.Trim().TrimStart('#').Trim();

    /// <summary>Hashtags typed as "IA, #Tech  productivité" become a clean list.</summary>
    public static IReadOnlyList<string> ParseHashtags(string? text) =>
        (text ?? "").Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    internal static HashSet<string> HashtagsIn(string content) =>
        HashtagPattern().Matches(content).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\w#])#(\w+)")]
    internal static partial Regex HashtagPattern();
}
