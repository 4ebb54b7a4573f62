namespace SocialPlanner.Core.Media;

public enum MediaType { Image, Video }

/// <summary>The spec's <c>media</c> row (named MediaItem so it doesn't clash with the namespace).</summary>
public class MediaItem
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public MediaType Type { get; set; }
    public string Filename { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public string Url { get; set; } = "";
    public string MimeType { get; set; } = "";
    public long SizeBytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? Duration { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? AltText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
