using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>
/// Downloads <c>image_url</c> the way Meta's crawler does, so a URL our Api signs but cannot serve
/// (expired signature, wrong host, wrong content) fails here exactly as it would in production.
/// </summary>
public sealed class ImageFetcher(HttpClient http, IOptions<SandboxOptions> options)
{
    public async Task<(ImageFacts? Facts, long Bytes, GraphError? Error)> FetchAsync(string imageUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, 0, CannotFetch());
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Instagram.ImageFetchTimeoutSeconds));
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, 0, CannotFetch());
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                bytes.Write(buffer, 0, read);
                if (bytes.Length > MediaRules.MaxImageBytes)
                {
                    return (null, bytes.Length, MediaRules.CheckImage(null, bytes.Length));
                }
            }

            var facts = ImageFacts.Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            return (facts, bytes.Length, MediaRules.CheckImage(facts, bytes.Length));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, 0, new GraphError(-2, 2207003, "Timeout while downloading media.", "Media download timed out", "It took too long to download the media.", Transient: true));
        }
        catch (HttpRequestException)
        {
            return (null, 0, CannotFetch());
        }
    }

    private static GraphError CannotFetch() =>
        new(9004, 2207052, "Media download has failed. The media URI doesn't meet our requirements.", "Media fetch failed", "The media could not be fetched from this URI.");
}
