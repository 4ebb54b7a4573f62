using MetadataExtractor;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.QuickTime;
using MetadataExtractor.Formats.WebP;
using SkiaSharp;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Media;

/// <summary>What an uploaded file turned out to be, read from the file itself.</summary>
public sealed record InspectedMedia(MediaFormat Format, int? Width, int? Height, int? DurationSeconds, byte[]? ThumbnailJpeg);

/// <summary>Reads a file whose format was sniffed: its header (dimensions, duration), and for images a full decode,
/// because a header alone says nothing about a truncated or corrupt body, and the thumbnail needs the pixels anyway.</summary>
public static class MediaInspector
{
    /// <summary>A 50-megapixel image decodes to 200 MB; anything larger is a decompression bomb, not a photo
    /// for a social post (Instagram keeps 1440 px, LinkedIn about 7,000 × 7,000 at most).</summary>
    public const long MaxPixels = 50_000_000;

    public const int ThumbnailSize = 320;

    /// <summary>Decoding is memory-bound (up to 200 MB an image): a burst of uploads must not decode all at once.</summary>
    private static readonly SemaphoreSlim DecodeSlots = new(Math.Max(1, Environment.ProcessorCount));

    public static async Task<InspectedMedia> InspectAsync(string path, MediaFormat format, CancellationToken ct)
    {
        var directories = ReadHeader(path, format);
        if (!format.IsImage)
        {
            return InspectVideo(directories, format);
        }

        var (width, height) = ImageSize(directories, format);
        if ((long)width * height > MaxPixels)
        {
            throw new MediaRejectedException(Text("TooManyPixels", width, height, MaxPixels / 1_000_000));
        }
        await DecodeSlots.WaitAsync(ct);
        try
        {
            return new InspectedMedia(format, width, height, null, DecodeToThumbnail(path, format, width, height));
        }
        finally
        {
            DecodeSlots.Release();
        }
    }

    private static IReadOnlyList<MetadataExtractor.Directory> ReadHeader(string path, MediaFormat format)
    {
        try
        {
            return ImageMetadataReader.ReadMetadata(path);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            throw new MediaRejectedException(Text("HeaderUnreadable", format.Name), e);
        }
    }

    private static (int Width, int Height) ImageSize(IReadOnlyList<MetadataExtractor.Directory> directories, MediaFormat format)
    {
        var size = format.Name switch
        {
            "PNG" => Size(directories.OfType<PngDirectory>().FirstOrDefault(d => d.Name == "PNG-IHDR"),
                PngDirectory.TagImageWidth, PngDirectory.TagImageHeight),
            "JPEG" => Size(directories.OfType<JpegDirectory>().FirstOrDefault(), JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
            "WebP" => Size(directories.OfType<WebPDirectory>().FirstOrDefault(), WebPDirectory.TagImageWidth, WebPDirectory.TagImageHeight),
            _ => null,
        };
        return size is { Width: > 0, Height: > 0 } s
            ? s
            : throw new MediaRejectedException(Text("NoDimensions", format.Name));
    }

    private static (int Width, int Height)? Size(MetadataExtractor.Directory? directory, int widthTag, int heightTag) =>
        directory is not null && directory.TryGetInt32(widthTag, out var width) && directory.TryGetInt32(heightTag, out var height)
            ? (width, height)
            : null;

    private static InspectedMedia InspectVideo(IReadOnlyList<MetadataExtractor.Directory> directories, MediaFormat format)
    {
        var movie = directories.OfType<QuickTimeMovieHeaderDirectory>().FirstOrDefault()
            ?? throw new MediaRejectedException(Text("NoMovieHeader", format.Name));
        // Audio tracks have a 0 × 0 track header; the picture is the largest track.
        var picture = directories.OfType<QuickTimeTrackHeaderDirectory>()
            .Select(d => Size(d, QuickTimeTrackHeaderDirectory.TagWidth, QuickTimeTrackHeaderDirectory.TagHeight))
            .Where(s => s is { Width: > 0, Height: > 0 })
            .OrderByDescending(s => (long)s!.Value.Width * s.Value.Height)
            .FirstOrDefault();
        int? duration = movie.GetObject(QuickTimeMovieHeaderDirectory.TagDuration) is TimeSpan length
            ? (int)Math.Round(length.TotalSeconds, MidpointRounding.AwayFromZero)
            : null;
        return new InspectedMedia(format, picture?.Width, picture?.Height, duration, null);
    }

    /// <summary>Decodes every pixel (so a truncated or corrupt body is caught) and makes the thumbnail from them.</summary>
    private static byte[] DecodeToThumbnail(string path, MediaFormat format, int width, int height)
    {
        using var codec = SKCodec.Create(path, out var created)
            ?? throw new MediaRejectedException(Text("Undecodable", format.Name, created));
        if (codec.Info.Width != width || codec.Info.Height != height)
        {
            throw new MediaRejectedException(Text("SizeMismatch", format.Name, width, height, codec.Info.Width, codec.Info.Height));
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            throw new MediaRejectedException(decoded == SKCodecResult.IncompleteInput
                ? Text("Truncated", format.Name)
                : Text("Corrupt", format.Name, decoded));
        }
        return JpegEncoding.Encode(bitmap, JpegEncoding.FitWithin(width, height, ThumbnailSize), quality: 80);
    }

    /// <summary>Why a file is refused, in the uploader's language.</summary>
    private static string Text(string key, params object[] values) => ResourceTexts<MediaStrings>.Get(key, values);
}
