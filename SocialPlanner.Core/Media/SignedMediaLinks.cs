using Microsoft.Extensions.Options;

namespace SocialPlanner.Core.Media;

/// <summary>The media feature's <see cref="IMediaLinks"/>: signed links on the Api, bytes from the store.</summary>
public sealed class SignedMediaLinks(
    MediaUrlSigner signer, IMediaBaseUrl baseUrl, IMediaStore store, TimeProvider clock, IOptions<MediaOptions> options) : IMediaLinks
{
    /// <summary>The link a client gets for a stored file, with the configured lifetime (7 days).</summary>
    public Uri Url(string path) => Url(path, options.Value.UrlLifetime);

    public Uri Url(string path, TimeSpan lifetime) => signer.Sign(baseUrl.Current, path, clock.GetUtcNow(), lifetime);

    /// <summary>Images that Instagram would not take as they are (PNG, WebP, too wide, too heavy) are given as their
    /// JPEG rendition, made at upload.</summary>
    public Uri PublicUrl(MediaItem item, TimeSpan lifetime) =>
        Url(InstagramImage.HasRendition(item) ? MediaPaths.InstagramRendition(item) : item.StoragePath, lifetime);

    public async Task<Stream> OpenReadAsync(MediaItem item, CancellationToken cancellationToken) =>
        await store.OpenReadAsync(item.StoragePath, cancellationToken)
        ?? throw new FileNotFoundException($"The file of media {item.Id} is missing from the store.", item.StoragePath);
}
