using System.Globalization;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Social;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Posts;

/// <summary>A post's first comments (issue #17 §3): <see cref="Both"/> applies to every platform of the post, a
/// platform's own value replaces it there. Blank means none.</summary>
public sealed record FirstComments(string? Both, string? Linkedin, string? Instagram)
{
    /// <summary>LinkedIn comments: 1,250 characters (UNCONFIRMED: LinkedIn's API reference names no limit; the figure is
    /// the one LinkedIn's own comment box enforces, see docs/media.md).</summary>
    public const int LinkedInMaxCharacters = 1_250;

    /// <summary>Instagram comments: 2,200 characters, as captions (UNCONFIRMED, see docs/media.md).</summary>
    public const int InstagramMaxCharacters = 2_200;

    public static readonly FirstComments None = new(null, null, null);

    public static FirstComments Of(Post post) => new(post.FirstComment, post.FirstCommentLinkedin, post.FirstCommentInstagram);

    /// <summary>The comment published on <paramref name="platform"/>, or null when there is none.</summary>
    public string? For(SocialPlatform platform) =>
        (platform == SocialPlatform.Linkedin ? Linkedin : Instagram) is { } own && !string.IsNullOrWhiteSpace(own) ? own.Trim()
        : string.IsNullOrWhiteSpace(Both) ? null : Both.Trim();

    /// <summary>Every rule the comments break on the post's platform(s): their length, and Instagram's 30 hashtags
    /// counted across the caption and the comment together.</summary>
    public IReadOnlyList<string> Violations(PostPlatform platform, string content, IReadOnlyCollection<string> hashtags)
    {
        var violations = new List<string>();
        if (platform is PostPlatform.Linkedin or PostPlatform.Both && For(SocialPlatform.Linkedin) is { } linkedin
            && PlatformRules.CharacterCount(linkedin) is var linkedinLength && linkedinLength > LinkedInMaxCharacters)
        {
            violations.Add(Text("LinkedInCommentTooLong", N(LinkedInMaxCharacters), N(linkedinLength)));
        }
        if (platform is PostPlatform.Instagram or PostPlatform.Both && For(SocialPlatform.Instagram) is { } instagram)
        {
            var length = PlatformRules.CharacterCount(instagram);
            if (length > InstagramMaxCharacters)
            {
                violations.Add(Text("InstagramCommentTooLong", N(InstagramMaxCharacters), N(length)));
            }
            var tags = PlatformRules.HashtagCount($"{content}\n{instagram}", hashtags);
            if (tags > PlatformRules.InstagramMaxHashtags && PlatformRules.HashtagCount(content, hashtags) <= PlatformRules.InstagramMaxHashtags)
            {
                violations.Add(Text("InstagramCommentHashtags", PlatformRules.InstagramMaxHashtags, tags));
            }
        }
        return violations;
    }

    private static string N(int value) => ReadNumbers.N(value);

    private static string Text(string key, params object[] values) => ResourceTexts<PostRulesStrings>.Get(key, values);
}
