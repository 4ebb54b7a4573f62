using SkiaSharp;

namespace SocialPlanner.Core.Media;

/// <summary>Instagram takes JPEG only, 320–1440 px wide, at most 8 MB, aspect 4:5…1.91:1. The library
/// keeps PNG and WebP as uploaded; this makes the JPEG Instagram is given instead.</summary>
public static class InstagramImage
{
    public const long MaxBytes = 8L * 1024 * 1024;

    private static readonly int[] Qualities = [90, 80, 70, 60];

    /// <summary>Whether the original can go to Instagram as it is.</summary>
    public static bool IsReadyAsIs(string mimeType, int width, long sizeBytes) =>
        mimeType == MediaFormats.Jpeg.MimeType && width <= MediaRules.InstagramMaxWidth && sizeBytes <= MaxBytes;

    /// <summary>Whether the item has a JPEG rendition for Instagram: an image that is not ready as it is, but that
    /// Instagram takes once converted. Upload makes the rendition on exactly this condition.</summary>
    public static bool HasRendition(MediaItem item) =>
        item is { Type: MediaType.Image, Width: { } width, Height: { } height }
        && !IsReadyAsIs(item.MimeType, width, item.SizeBytes)
        && !MediaRules.InstagramImageProblems(width, height).Any();

    /// <summary>Decodes <paramref name="source"/> (PNG, JPEG or WebP) and encodes it as a JPEG Instagram takes: scaled
    /// down to 1440 px wide if wider, quality lowered until it fits in 8 MB.</summary>
    /// <exception cref="MediaRejectedException">The image cannot be decoded, or its size breaks a rule no conversion fixes
    /// (narrower than 320 px, aspect ratio out of range).</exception>
    public static byte[] ToJpeg(Stream source)
    {
        using var codec = SKCodec.Create(source, out var created)
            ?? throw new MediaRejectedException($"The image cannot be decoded ({created})");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var problems = MediaRules.InstagramImageProblems(width, height).ToList();
        if (problems.Count > 0)
        {
            throw new MediaRejectedException(string.Join("; ", problems));
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            throw new MediaRejectedException($"The image cannot be decoded ({decoded})");
        }
        var size = ScaledToMaxWidth(width, height);
        foreach (var quality in Qualities)
        {
            var jpeg = JpegEncoding.Encode(bitmap, size, quality);
            if (jpeg.Length <= MaxBytes)
            {
                return jpeg;
            }
        }
        throw new MediaRejectedException($"The image does not fit in {MaxBytes / (1024 * 1024)} MB as a JPEG");
    }

    /// <summary>The size Instagram receives: at most 1440 px wide, same aspect ratio.</summary>
    public static SKSizeI ScaledToMaxWidth(int width, int height) =>
        width <= MediaRules.InstagramMaxWidth
            ? new SKSizeI(width, height)
            : new SKSizeI(MediaRules.InstagramMaxWidth, Math.Max(1, (int)Math.Round((double)height * MediaRules.InstagramMaxWidth / width)));
}
