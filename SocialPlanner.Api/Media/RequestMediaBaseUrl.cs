using Microsoft.Extensions.Options;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

/// <summary>In the Api, links default to the address the client used (scheme, host, path base), so a developer's
/// browser gets links it can follow; <c>Media:PublicBaseUrl</c> overrides it (behind a proxy, for Instagram).</summary>
public sealed class RequestMediaBaseUrl(IHttpContextAccessor http, IOptions<MediaOptions> options, IConfiguration configuration) : IMediaBaseUrl
{
    private readonly ConfiguredMediaBaseUrl? _configured = options.Value.PublicBaseUrl is null ? null : new(options, configuration);

    public Uri Current => _configured?.Current
        ?? (http.HttpContext?.Request is { } request
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/")
            : new ConfiguredMediaBaseUrl(options, configuration).Current);
}
