using System.Globalization;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Media;

/// <summary>What the rules need to know of one of a post's media.</summary>
public sealed record MediaFacts(MediaType Type, int? Width, int? Height)
{
    public static MediaFacts Of(MediaItem item) => new(item.Type, item.Width, item.Height);
}

/// <summary>The platforms' rules about a post's media, pure so that saving a post, scheduling
/// it and publishing it agree. Each message names the rule and the offending value.</summary>
public static class MediaRules
{
    /// <summary>posts_media: "Un post peut avoir 0-10 médias" (Instagram carousels stop at 10 too).</summary>
    public const int MaxMediaPerPost = 10;

    public const int InstagramMinWidth = 320;
    public const int InstagramMaxWidth = 1440;

    /// <summary>The media of a post on <paramref name="platform"/>, in the post's order.</summary>
    public static IReadOnlyList<string> Violations(PostPlatform platform, IReadOnlyList<MediaFacts> media)
    {
        var violations = new List<string>();
        if (media.Count > MaxMediaPerPost)
        {
            violations.Add(Text("TooManyMedia", MaxMediaPerPost, media.Count));
        }
        if (platform is PostPlatform.Instagram or PostPlatform.Both)
        {
            violations.AddRange(InstagramViolations(media));
        }
        return violations;
    }

    private static IEnumerable<string> InstagramViolations(IReadOnlyList<MediaFacts> media)
    {
        if (!media.Any(m => m.Type == MediaType.Image))
        {
            yield return Text("InstagramNeedsImage");
        }
        for (var position = 0; position < media.Count; position++)
        {
            if (media[position] is { Type: MediaType.Image, Width: { } width, Height: { } height })
            {
                foreach (var problem in InstagramImageProblems(width, height, Text("ImageNumber", position + 1)))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>Why Instagram would refuse an image of this size (none beyond 1440 px wide: those are scaled down).</summary>
    public static IEnumerable<string> InstagramImageProblems(int width, int height, string? which = null)
    {
        which ??= Text("ThisImage");
        if (!IsInstagramAspectRatio(width, height))
        {
            yield return Text("InstagramAspectRatio", which, width, height, ((double)width / height).ToString("0.###", CultureInfo.CurrentCulture));
        }
        if (width < InstagramMinWidth)
        {
            yield return Text("InstagramMinWidth", InstagramMinWidth, which, width);
        }
    }

    /// <summary>4:5 ≤ width/height ≤ 1.91, both ends included, in integers so that 0.8 and 1.91 exactly are not lost
    /// to floating point.</summary>
    public static bool IsInstagramAspectRatio(int width, int height) =>
        height > 0 && 5L * width >= 4L * height && 100L * width <= 191L * height;

    private static string Text(string key, params object[] values) => ResourceTexts<MediaStrings>.Get(key, values);
}
