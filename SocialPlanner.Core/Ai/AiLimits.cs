using System.Globalization;

namespace SocialPlanner.Core.Ai;

/// <summary>The platform limits generated text must respect. Characters are counted as a reader sees them (text
/// elements: an emoji counts once), the way the platforms count.</summary>
public static class AiLimits
{
    public const int LinkedInMaxCharacters = 3_000;
    public const int InstagramMaxCharacters = 2_200;
    public const int InstagramMaxHashtags = 30;

    public static int MaxCharacters(AiPlatform platform) =>
        platform == AiPlatform.Instagram ? InstagramMaxCharacters : LinkedInMaxCharacters;

    public static int CharacterCount(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>What the platform will receive: the content, a blank line, then the hashtags.</summary>
    public static string PublishedText(string content, IEnumerable<string> hashtags)
    {
        var tags = string.Join(' ', hashtags.Select(h => "#" + h));
        return tags.Length == 0 ? content : $"{content}\n\n{tags}";
    }

    public static bool Fits(AiPlatform platform, string content, IReadOnlyCollection<string> hashtags) =>
        CharacterCount(PublishedText(content, hashtags)) <= MaxCharacters(platform)
        && (platform != AiPlatform.Instagram || hashtags.Count <= InstagramMaxHashtags);
}
