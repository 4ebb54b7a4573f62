using System.Globalization;
using System.Text.RegularExpressions;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Media;
using SocialPlanner.Localisation;
using static SocialPlanner.Core.Localisation.ReadNumbers;

namespace SocialPlanner.Core.Posts;

/// <summary>What LinkedIn and Instagram accept, in one pure place so the Api (on save), the calendar (on
/// schedule) and the Worker (before publishing) agree.</summary>
public static partial class PlatformRules
{
    public const int LinkedInMaxCharacters = 3_000;
    public const int InstagramMaxCaptionCharacters = 2_200;
    public const int InstagramMaxHashtags = 30;

    /// <summary>The text a platform receives: the content, then the hashtags the content does not already carry.</summary>
    public static string PublishedText(string content, IEnumerable<string> hashtags)
    {
        var appended = MissingHashtags(content, hashtags).Select(h => "#" + h).ToList();
        var text = content.TrimEnd();
        return appended.Count == 0 ? text : $"{text}\n\n{string.Join(' ', appended)}";
    }

    /// <summary>Tag names without their '#', de-duplicated case-insensitively, minus those written in the text.</summary>
    public static IEnumerable<string> MissingHashtags(string content, IEnumerable<string> hashtags)
    {
        var inText = HashtagsIn(content);
        return hashtags
            .Select(t => t.Trim().TrimStart('#', '＃'))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !inText.Contains(t));
    }

    /// <summary>Every rule the post breaks on its platform(s), each message naming the rule and the actual value:
    /// the text's (<see cref="TextViolations"/>), the media's (<see cref="MediaRules"/>), media in the post's order, and
    /// the first comments' (<see cref="FirstComments.Violations"/>).</summary>
    public static IReadOnlyList<string> Violations(PostPlatform platform, string content, IReadOnlyCollection<string> hashtags,
        IReadOnlyList<MediaFacts> media, FirstComments? comments = null) =>
        [.. TextViolations(platform, content, hashtags), .. MediaRules.Violations(platform, media),
            .. (comments ?? FirstComments.None).Violations(platform, content, hashtags)];

    /// <summary>Every rule a saved post breaks, on <paramref name="platform"/> or else on its own platform(s), its media
    /// (loaded with it) in the post's order: the check before a post is scheduled, published now, or sent.</summary>
    public static IReadOnlyList<string> For(Post post, PostPlatform? platform = null) =>
        Violations(platform ?? post.Platform, post.Content, post.Hashtags,
            [.. post.Media.OrderBy(m => m.Order).Select(m => m.Media).OfType<MediaItem>().Select(MediaFacts.Of)], FirstComments.Of(post));

    /// <summary>The rules about the text alone, for text that gets its media later (a draft made from a template).</summary>
    public static IReadOnlyList<string> TextViolations(PostPlatform platform, string content, IReadOnlyCollection<string> hashtags)
    {
        var violations = new List<string>();
        var length = CharacterCount(PublishedText(content, hashtags));
        if (platform is PostPlatform.Linkedin or PostPlatform.Both && length > LinkedInMaxCharacters)
        {
            violations.Add(Text("LinkedInTooLong", N(LinkedInMaxCharacters), N(length)));
        }
        if (platform is PostPlatform.Instagram or PostPlatform.Both)
        {
            if (length > InstagramMaxCaptionCharacters)
            {
                violations.Add(Text("InstagramTooLong", N(InstagramMaxCaptionCharacters), N(length)));
            }
            var tags = HashtagCount(content, hashtags);
            if (tags > InstagramMaxHashtags)
            {
                violations.Add(Text("InstagramTooManyHashtags", InstagramMaxHashtags, tags));
            }
        }
        return violations;
    }

    /// <summary>Distinct hashtags, case-insensitively, from the hashtags list and the <c>#tags</c> written in the text.</summary>
    public static int HashtagCount(string content, IEnumerable<string> hashtags)
    {
        var all = HashtagsIn(content);
        all.UnionWith(hashtags);
        return all.Count;
    }

    /// <summary>Platforms count what a reader sees as characters, so an emoji counts once, not as two UTF-16 units.</summary>
    public static int CharacterCount(string text) => new StringInfo(text).LengthInTextElements;

    private static string Text(string key, params object[] values) => ResourceTexts<PostRulesStrings>.Get(key, values);

    private static HashSet<string> HashtagsIn(string content) =>
        HashtagPattern().Matches(content).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\w#])#(\w+)")]
    private static partial Regex HashtagPattern();
}
