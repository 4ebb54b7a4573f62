using SocialPlanner.Core.Media;

namespace SocialPlanner.Tests.Media;

public class MediaFormatsTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "png", "PNG" }, { "jpeg", "JPEG" }, { "webp", "WebP" }, { "mp4", "MP4" }, { "mov", "MOV" },
    };

    public static byte[] Sample(string kind) => kind switch
    {
        "png" => MediaSamples.Png(),
        "jpeg" => MediaSamples.Jpeg(),
        "webp" => MediaSamples.WebP(),
        "mp4" => MediaSamples.Mp4(),
        "mov" => MediaSamples.Mov(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_accepted_format_is_recognised_from_its_bytes(string kind, string format) =>
        Assert.Equal(format, MediaFormats.Sniff(Sample(kind))?.Name);

    [Theory]
    [InlineData("hello, I am a text file named photo.png")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("GIF89a......")]
    [InlineData("")]
    public void Anything_else_is_not_recognised(string content) =>
        Assert.Null(MediaFormats.Sniff(System.Text.Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void A_PNG_sent_as_image_jpeg_is_a_contradiction_naming_both()
    {
        var problem = MediaFormats.Contradiction(MediaFormats.Png, "image/jpeg", "photo.png");

        Assert.NotNull(problem);
        Assert.Contains("image/jpeg", problem);
        Assert.Contains("PNG", problem);
    }

    [Fact]
    public void A_PNG_named_jpg_is_a_contradiction_naming_both()
    {
        var problem = MediaFormats.Contradiction(MediaFormats.Png, "image/png", "photo.jpg");

        Assert.NotNull(problem);
        Assert.Contains(".jpg", problem);
        Assert.Contains("PNG", problem);
    }

    [Theory]
    [InlineData("image/jpeg", "photo.jpeg")]
    [InlineData("image/jpg", "photo.JPG")]
    [InlineData("application/octet-stream", "photo.jpe")]
    [InlineData(null, "photo")]
    [InlineData("image/jpeg; charset=binary", null)]
    public void Agreeing_or_silent_declarations_are_fine(string? mime, string? filename) =>
        Assert.Null(MediaFormats.Contradiction(MediaFormats.Jpeg, mime, filename));

    [Fact]
    public void Videos_may_be_ten_times_larger_than_images()
    {
        Assert.Equal(10L * 1024 * 1024, MediaFormats.Png.MaxBytes);
        Assert.Equal(100L * 1024 * 1024, MediaFormats.Mov.MaxBytes);
        Assert.Equal(MediaFormats.MaxVideoBytes, MediaFormats.MaxBytes);
    }
}
