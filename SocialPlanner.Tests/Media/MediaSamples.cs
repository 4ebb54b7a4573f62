using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace SocialPlanner.Tests.Media;

/// <summary>Real, tiny media files made on the spot: images encoded by SkiaSharp, videos as minimal ISO boxes.</summary>
public static class MediaSamples
{
    public static byte[] Png(int width = 64, int height = 48) => Image(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48) => Image(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] WebP(int width = 64, int height = 48) => Image(width, height, SKEncodedImageFormat.Webp);

    public static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> (CRC fixed up), with
    /// a tiny body: what a decompression bomb looks like before anyone decodes it.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(8, 8);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>PNG's chunk checksum (ISO 3309 CRC-32), so the forged header passes a reader's CRC check.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    public static byte[] Mp4(int width = 1280, int height = 720, int seconds = 5) => Video("isom", width, height, seconds);

    public static byte[] Mov(int width = 1920, int height = 1080, int seconds = 3) => Video("qt  ", width, height, seconds);

    /// <summary>ftyp + moov(mvhd, trak(tkhd)): the boxes a reader needs for duration and picture size.</summary>
    private static byte[] Video(string brand, int width, int height, int seconds)
    {
        const int timescale = 1000;
        var mvhd = new byte[100];
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(12), timescale);
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(16), seconds * timescale);
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(20), 0x00010000);
        BinaryPrimitives.WriteInt16BigEndian(mvhd.AsSpan(24), 0x0100);
        WriteIdentityMatrix(mvhd.AsSpan(36));
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(96), 2);

        var tkhd = new byte[84];
        tkhd[3] = 3;
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(12), 1);
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(20), seconds * timescale);
        WriteIdentityMatrix(tkhd.AsSpan(40));
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(76), width << 16);
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(80), height << 16);

        var ftyp = Encoding.ASCII.GetBytes(brand + "\0\0\0\0" + brand + "isom");
        return [.. Box("ftyp", ftyp), .. Box("moov", [.. Box("mvhd", mvhd), .. Box("trak", Box("tkhd", tkhd))])];
    }

    private static void WriteIdentityMatrix(Span<byte> matrix)
    {
        BinaryPrimitives.WriteInt32BigEndian(matrix, 0x00010000);
        BinaryPrimitives.WriteInt32BigEndian(matrix[16..], 0x00010000);
        BinaryPrimitives.WriteInt32BigEndian(matrix[32..], 0x40000000);
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }
}
