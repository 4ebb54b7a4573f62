using System.Globalization;
using SocialPlanner.Core.Posts;

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
            violations.Add($"A post can have at most {MaxMediaPerPost} media (this one has {media.Count})");
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
            yield return "Instagram posts need at least one image";
        }
        for (var position = 0; position < media.Count; position++)
        {
            if (media[position] is { Type: MediaType.Image, Width: { } width, Height: { } height })
            {
                foreach (var problem in InstagramImageProblems(width, height, $"image {position + 1}"))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>Why Instagram would refuse an image of this size (none beyond 1440 px wide: those are scaled down).</summary>
    public static IEnumerable<string> InstagramImageProblems(int width, int height, string which = "this image")
    {
        if (!IsInstagramAspectRatio(width, height))
        {
            yield return $"Instagram images must have an aspect ratio between 4:5 (0.8) and 1.91:1; {which} is "
                + $"{width} × {height} ({((double)width / height).ToString("0.###", CultureInfo.InvariantCulture)})";
        }
        if (width < InstagramMinWidth)
        {
            yield return $"Instagram images must be at least {InstagramMinWidth} px wide; {which} is {width} px";
        }
    }

    /// <summary>4:5 ≤ width/height ≤ 1.91, both ends included, in integers so that 0.8 and 1.91 exactly are not lost
    /// to floating point.</summary>
    public static bool IsInstagramAspectRatio(int width, int height) =>
        height > 0 && 5L * width >= 4L * height && 100L * width <= 191L * height;
}
