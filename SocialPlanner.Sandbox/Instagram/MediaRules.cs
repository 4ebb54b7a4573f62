using System.Text.RegularExpressions;

using SocialPlanner.Sandbox.Media;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>Instagram's image and caption limits (platform-apis.md §2.6) as pure checks.</summary>
public static partial class MediaRules
{
    public const long MaxImageBytes = 8 * 1024 * 1024;
    public const int MaxCaptionLength = 2200;
    public const int MaxHashtags = 30;
    public const int MaxMentions = 20;
    public const double MinAspectRatio = 0.8;
    public const double MaxAspectRatio = 1.91;

    public static GraphError? CheckCaption(string? caption)
    {
        if (caption is null)
        {
            return null;
        }

        if (caption.Length > MaxCaptionLength)
        {
            return CaptionError($"The caption is {caption.Length} characters long; at most {MaxCaptionLength} are allowed.");
        }

        var hashtags = Hashtag().Count(caption);
        if (hashtags > MaxHashtags)
        {
            return CaptionError($"The caption has {hashtags} hashtags; at most {MaxHashtags} are allowed.");
        }

        var mentions = Mention().Count(caption);
        return mentions > MaxMentions ? CaptionError($"The caption mentions {mentions} accounts; at most {MaxMentions} are allowed.") : null;
    }

    /// <summary>Comments: the caption's limits (UNCONFIRMED for comments; docs/media.md).</summary>
    public static GraphError? CheckComment(string message) =>
        message.Length > MaxCaptionLength
            ? new GraphError(100, null, $"The comment is {message.Length} characters long; at most {MaxCaptionLength} are allowed.")
            : Hashtag().Count(message) > MaxHashtags
                ? new GraphError(100, null, $"The comment has more than {MaxHashtags} hashtags.")
                : null;

    public static GraphError? CheckImage(ImageFacts? facts, long bytes)
    {
        if (bytes > MaxImageBytes)
        {
            return new GraphError(36000, 2207004, "The image size is too large.", "Image size too large", "The image is too large to download. It should be less than 8 MiB.");
        }

        if (facts is not { Format: "jpeg" })
        {
            return new GraphError(36001, 2207005, "The image format is not supported.", "Unsupported format", $"The image format {facts?.Format ?? "unknown"} is not supported. Only JPEG is supported.");
        }

        return facts.AspectRatio is >= MinAspectRatio and <= MaxAspectRatio
            ? null
            : new GraphError(36003, 2207009, $"The submitted image with aspect ratio ('{facts.Width}/{facts.Height}') cannot be published. Please submit an image with a valid aspect ratio.",
                "Invalid aspect ratio", "The aspect ratio must be between 4:5 and 1.91:1.");
    }

    private static GraphError CaptionError(string detail) => new(36004, 2207010, "The caption is invalid.", "Caption invalid", detail);

    [GeneratedRegex(@"(?<![\w&])#\w+")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![\w.])@[\w.]+")]
    private static partial Regex Mention();
}
