using SocialPlanner.Core.Posts;

namespace SocialPlanner.Core.Ai;

/// <summary>The platform limits generated text must respect, from <see cref="PlatformRules"/>, applied to a
/// generated answer (content plus hashtags).</summary>
public static class AiLimits
{
    public const int LinkedInMaxCharacters = PlatformRules.LinkedInMaxCharacters;
    public const int InstagramMaxCharacters = PlatformRules.InstagramMaxCaptionCharacters;
    public const int InstagramMaxHashtags = PlatformRules.InstagramMaxHashtags;

    public static int MaxCharacters(AiPlatform platform) =>
        platform == AiPlatform.Instagram ? InstagramMaxCharacters : LinkedInMaxCharacters;

    public static int CharacterCount(string text) => PlatformRules.CharacterCount(text);

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
