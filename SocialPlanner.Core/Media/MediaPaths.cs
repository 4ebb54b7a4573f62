namespace SocialPlanner.Core.Media;

/// <summary>Where a media file and its derived files live in the store (spec: <c>users/{user_id}/posts/{media_id}.{ext}</c>).
/// Derived files share the media id as their name's first part, so the janitor can tell whose they are.</summary>
public static class MediaPaths
{
    private const string ThumbnailSuffix = ".thumb.jpg";
    private const string InstagramSuffix = ".instagram.jpg";

    public static string Original(Guid userId, Guid mediaId, MediaFormat format) => $"users/{userId}/posts/{mediaId}.{format.Extension}";

    public static string Thumbnail(MediaItem item) => Sibling(item, ThumbnailSuffix);

    /// <summary>The JPEG Instagram is given when the original is not one it takes as it is.</summary>
    public static string InstagramRendition(MediaItem item) => Sibling(item, InstagramSuffix);

    /// <summary>Every stored file that belongs to <paramref name="item"/>.</summary>
    public static IEnumerable<string> AllFiles(MediaItem item) =>
        item.Type == MediaType.Image ? [item.StoragePath, Thumbnail(item), InstagramRendition(item)] : [item.StoragePath];

    /// <summary>The media id a stored file belongs to, or null for a path that is not one of ours.</summary>
    public static Guid? MediaIdOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return Guid.TryParse(dot < 0 ? name : name[..dot], out var id) ? id : null;
    }

    private static string Sibling(MediaItem item, string suffix)
    {
        var directory = item.StoragePath[..(item.StoragePath.LastIndexOf('/') + 1)];
        return $"{directory}{item.Id}{suffix}";
    }
}
