using System.Buffers.Binary;

namespace SocialPlanner.Sandbox.Media;

/// <summary>Format and size read from the bytes' headers only: platforms judge what was sent, not its file name.</summary>
public sealed record ImageFacts(string Format, int Width, int Height, long Bytes)
{
    public double AspectRatio => Height == 0 ? 0 : (double)Width / Height;

    public override string ToString() => $"{Format} {Width}x{Height}, {Bytes} bytes";

    public static ImageFacts? Read(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ReadJpeg(data),
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] when data.Length >= 24 =>
            new ImageFacts("png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]), data.Length),
        [(byte)'G', (byte)'I', (byte)'F', ..] when data.Length >= 10 =>
            new ImageFacts("gif", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]), data.Length),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => new ImageFacts("webp", 0, 0, data.Length),
        _ => null,
    };

    /// <summary>Walks the marker segments to the first start-of-frame, which carries the dimensions.</summary>
    private static ImageFacts ReadJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 9 < data.Length && data[position] == 0xFF)
        {
            var marker = data[position + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return new ImageFacts("jpeg", width, height, data.Length);
            }

            position += 2 + length;
        }

        return new ImageFacts("jpeg", 0, 0, data.Length);
    }
}
