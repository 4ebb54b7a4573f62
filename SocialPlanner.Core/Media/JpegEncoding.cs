using SkiaSharp;

namespace SocialPlanner.Core.Media;

/// <summary>Resizing and JPEG encoding shared by thumbnails and Instagram renditions.</summary>
internal static class JpegEncoding
{
    /// <summary>The size of an image scaled down (never up) so its longer side is at most <paramref name="limit"/>.</summary>
    public static SKSizeI FitWithin(int width, int height, int limit)
    {
        var scale = Math.Min(1.0, (double)limit / Math.Max(width, height));
        return new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>Draws onto white first: JPEG has no alpha, and transparent PNG/WebP pixels would otherwise turn black.</summary>
    public static byte[] Encode(SKBitmap source, SKSizeI size, int quality)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, size.Width, size.Height),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
