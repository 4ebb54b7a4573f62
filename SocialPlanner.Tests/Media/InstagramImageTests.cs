using SkiaSharp;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Tests.Media;

public class InstagramImageTests
{
    private static SKBitmap Decode(byte[] jpeg)
    {
        Assert.Same(MediaFormats.Jpeg, MediaFormats.Sniff(jpeg));
        return SKBitmap.Decode(jpeg);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void PNG_and_WebP_become_JPEG_of_the_same_size(SKEncodedImageFormat format)
    {
        using var source = new MemoryStream(MediaSamples.Image(1080, 1350, format));

        using var jpeg = Decode(InstagramImage.ToJpeg(source));

        Assert.Equal((1080, 1350), (jpeg.Width, jpeg.Height));
    }

    [Fact]
    public void Images_wider_than_1440_px_are_scaled_down_keeping_their_ratio()
    {
        using var source = new MemoryStream(MediaSamples.Png(2880, 1800));

        using var jpeg = Decode(InstagramImage.ToJpeg(source));

        Assert.Equal((1440, 900), (jpeg.Width, jpeg.Height));
    }

    [Theory]
    [InlineData(300, 300)]
    [InlineData(1000, 2000)]
    public void Images_no_conversion_can_fix_are_rejected(int width, int height)
    {
        using var source = new MemoryStream(MediaSamples.Png(width, height));

        Assert.Throws<MediaRejectedException>(() => InstagramImage.ToJpeg(source));
    }

    [Theory]
    [InlineData("image/jpeg", 1080, 1_000_000, true)]
    [InlineData("image/jpeg", 1441, 1_000_000, false)]
    [InlineData("image/jpeg", 1080, 9_000_000, false)]
    [InlineData("image/png", 1080, 1_000_000, false)]
    [InlineData("image/webp", 1080, 1_000_000, false)]
    public void Only_JPEGs_Instagram_takes_as_they_are_skip_the_rendition(string mime, int width, long size, bool ready) =>
        Assert.Equal(ready, InstagramImage.IsReadyAsIs(mime, width, size));

    [Fact]
    public void A_rendition_exists_only_where_Instagram_can_take_the_converted_image()
    {
        static MediaItem Item(string mime, int width, int height) =>
            new() { Type = MediaType.Image, MimeType = mime, Width = width, Height = height, SizeBytes = 100_000 };

        Assert.True(InstagramImage.HasRendition(Item("image/png", 1080, 1080)));
        Assert.False(InstagramImage.HasRendition(Item("image/jpeg", 1080, 1080)));
        Assert.False(InstagramImage.HasRendition(Item("image/png", 200, 200)));
        Assert.False(InstagramImage.HasRendition(new MediaItem { Type = MediaType.Video, MimeType = "video/mp4", Width = 1080, Height = 1080 }));
    }
}
