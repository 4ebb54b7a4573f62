namespace SocialPlanner.Core.Media;

/// <summary>How publishing reaches a stored media file: Instagram fetches it from a public URL, LinkedIn gets its
/// bytes uploaded. Implemented by the media feature (signed, expiring URLs served by the Api).</summary>
public interface IMediaLinks
{
    /// <summary>A URL anyone can GET for <paramref name="lifetime"/>, in the format the platform accepts (JPEG for
    /// Instagram is the media feature's job).</summary>
    Uri PublicUrl(MediaItem item, TimeSpan lifetime);

    Task<Stream> OpenReadAsync(MediaItem item, CancellationToken cancellationToken);
}
