using SocialPlanner.Core.Media;

namespace SocialPlanner.Tests.Media;

public sealed class MediaInspectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("media-inspector-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<InspectedMedia> InspectAsync(byte[] bytes)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        var format = MediaFormats.Sniff(bytes) ?? throw new InvalidOperationException("Sample not recognised");
        return MediaInspector.InspectAsync(path, format, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task Images_give_their_dimensions_and_a_JPEG_thumbnail(string kind)
    {
        var sample = kind switch
        {
            "png" => MediaSamples.Png(640, 480),
            "jpeg" => MediaSamples.Jpeg(640, 480),
            _ => MediaSamples.WebP(640, 480),
        };

        var media = await InspectAsync(sample);

        Assert.Equal((640, 480), (media.Width, media.Height));
        Assert.Null(media.DurationSeconds);
        Assert.Same(MediaFormats.Jpeg, MediaFormats.Sniff(media.ThumbnailJpeg));
        using var thumbnail = SkiaSharp.SKBitmap.Decode(media.ThumbnailJpeg);
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public async Task Small_images_are_not_enlarged_for_their_thumbnail()
    {
        var media = await InspectAsync(MediaSamples.Png(100, 50));

        using var thumbnail = SkiaSharp.SKBitmap.Decode(media.ThumbnailJpeg);
        Assert.Equal((100, 50), (thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [InlineData("mp4", 1280, 720, 5)]
    [InlineData("mov", 1920, 1080, 3)]
    public async Task Videos_give_their_picture_size_and_duration(string kind, int width, int height, int seconds)
    {
        var media = await InspectAsync(kind == "mp4" ? MediaSamples.Mp4(width, height, seconds) : MediaSamples.Mov(width, height, seconds));

        Assert.Equal((width, height, seconds), (media.Width, media.Height, media.DurationSeconds));
        Assert.Null(media.ThumbnailJpeg);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task A_truncated_image_is_rejected(string kind)
    {
        var whole = kind switch
        {
            "png" => MediaSamples.Png(400, 300),
            "jpeg" => MediaSamples.Jpeg(400, 300),
            _ => MediaSamples.WebP(400, 300),
        };

        await Assert.ThrowsAsync<MediaRejectedException>(() => InspectAsync(whole[..(whole.Length * 2 / 3)]));
    }

    [Fact]
    public async Task A_decompression_bomb_is_rejected_from_its_header()
    {
        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => InspectAsync(MediaSamples.PngClaiming(20_000, 20_000)));

        Assert.Contains("megapixels", error.Message);
    }

    [Fact]
    public async Task A_header_that_lies_about_the_size_is_rejected()
    {
        await Assert.ThrowsAsync<MediaRejectedException>(() => InspectAsync(MediaSamples.PngClaiming(9, 9)));
    }

    [Fact]
    public async Task A_video_cut_before_its_movie_header_is_rejected()
    {
        var mp4 = MediaSamples.Mp4();

        await Assert.ThrowsAsync<MediaRejectedException>(() => InspectAsync(mp4[..24]));
    }

    [Fact]
    public async Task Garbage_after_a_PNG_signature_is_rejected()
    {
        byte[] fake = [.. MediaSamples.Png()[..8], .. System.Text.Encoding.ASCII.GetBytes("this is not really a png at all")];

        await Assert.ThrowsAsync<MediaRejectedException>(() => InspectAsync(fake));
    }
}
