using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

/// <summary>The spec's media object (upload response) plus the columns the spec's table has.</summary>
public sealed record MediaDto(
    Guid Id, MediaType Type, string Filename, Uri Url, string MimeType, long SizeBytes, int? Width, int? Height, int? Duration,
    IReadOnlyList<string> Tags, string? AltText, Uri? ThumbnailUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record MediaListMeta(int Total, bool HasMore, Guid? NextCursor);

public static class MediaMapping
{
    /// <summary>Links are signed on every read, never taken from the row: a stored signature would expire while the
    /// row lives on. The row's <c>url</c> holds the unsigned route path, which the file endpoint refuses on its own.</summary>
    public static MediaDto ToDto(this MediaItem item, SignedMediaLinks links) => new(
        item.Id, item.Type, item.Filename, links.Url(item.StoragePath), item.MimeType, item.SizeBytes, item.Width, item.Height,
        item.Duration, item.Tags, item.AltText, item.Type == MediaType.Image ? links.Url(MediaPaths.Thumbnail(item)) : null,
        item.CreatedAt, item.UpdatedAt);

    public static string UnsignedUrl(string storagePath) => $"/{MediaUrlSigner.RoutePrefix}/{storagePath}";
}
