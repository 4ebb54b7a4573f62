using SocialPlanner.Core.Localisation;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Media;

/// <summary>A file format we accept, with what a client may call it and how large it may be.</summary>
public sealed record MediaFormat(
    string Name,
    MediaType Type,
    string MimeType,
    string Extension,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<string> MimeTypes,
    long MaxBytes)
{
    public bool IsImage => Type == MediaType.Image;
}

/// <summary>The accepted formats (spec "Size Limits") and the recognition of a format from a file's first bytes.
/// The bytes decide, never the name or the declared type: those can say anything.</summary>
public static class MediaFormats
{
    public const long MaxImageBytes = 10L * 1024 * 1024;
    public const long MaxVideoBytes = 100L * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int SniffLength = 12;

    public static readonly MediaFormat Png = new("PNG", MediaType.Image, "image/png", "png", ["png"], ["image/png"], MaxImageBytes);
    public static readonly MediaFormat Jpeg = new("JPEG", MediaType.Image, "image/jpeg", "jpg", ["jpg", "jpeg", "jpe"],
        ["image/jpeg", "image/jpg", "image/pjpeg"], MaxImageBytes);
    public static readonly MediaFormat WebP = new("WebP", MediaType.Image, "image/webp", "webp", ["webp"], ["image/webp"], MaxImageBytes);
    public static readonly MediaFormat Mp4 = new("MP4", MediaType.Video, "video/mp4", "mp4", ["mp4", "m4v"], ["video/mp4"], MaxVideoBytes);
    public static readonly MediaFormat Mov = new("MOV", MediaType.Video, "video/quicktime", "mov", ["mov", "qt"], ["video/quicktime"], MaxVideoBytes);

    public static IReadOnlyList<MediaFormat> All { get; } = [Png, Jpeg, WebP, Mp4, Mov];

    /// <summary>The largest file of any accepted format: the bound before the format is known.</summary>
    public static long MaxBytes { get; } = All.Max(f => f.MaxBytes);

    /// <summary>Generic types that declare nothing: browsers send them for files they cannot name.</summary>
    private static readonly string[] UndeclaredMimeTypes = ["application/octet-stream", "binary/octet-stream"];

    /// <summary>The format whose signature starts <paramref name="head"/>, or null. ISO base media files (MP4, MOV)
    /// start with an <c>ftyp</c> box whose major brand tells QuickTime (<c>qt  </c>) from the MP4 family.</summary>
    public static MediaFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("qt  "u8) ? Mov : Mp4;
        }
        return null;
    }

    /// <summary>Why what the client declared (Content-Type, file extension) contradicts the bytes, or null when it
    /// agrees or declares nothing. A disguised file is refused rather than silently renamed: the client is confused
    /// or hostile, and either way should hear it.</summary>
    public static string? Contradiction(MediaFormat actual, string? declaredMimeType, string? filename)
    {
        var mime = declaredMimeType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(mime) && !UndeclaredMimeTypes.Contains(mime) && !actual.MimeTypes.Contains(mime))
        {
            return ResourceTexts<MediaStrings>.Get("SentAsOther", mime, actual.Name, actual.MimeType);
        }
        var extension = Path.GetExtension(filename ?? "").TrimStart('.').ToLowerInvariant();
        if (extension.Length > 0 && !actual.Extensions.Contains(extension))
        {
            return ResourceTexts<MediaStrings>.Get("NamedAsOther", extension, actual.Name, actual.Extension);
        }
        return null;
    }

    public static string Describe() => ResourceTexts<MediaStrings>.Get("Accepted",
        string.Join(", ", All.Where(f => f.IsImage).Select(f => f.Name)), MaxImageBytes / (1024 * 1024),
        string.Join(", ", All.Where(f => !f.IsImage).Select(f => f.Name)), MaxVideoBytes / (1024 * 1024));
}
