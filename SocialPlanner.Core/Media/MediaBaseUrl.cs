using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SocialPlanner.Core.Media;

/// <summary>The origin signed links start with: the Api as the outside world reaches it.</summary>
public interface IMediaBaseUrl
{
    Uri Current { get; }
}

/// <summary>For processes that serve no request (the Worker): <c>Media:PublicBaseUrl</c>, else the Api's address from
/// service discovery (fine locally, where the sandbox fetches from the same machine; production must configure
/// the public address, see docs/media.md).</summary>
public sealed class ConfiguredMediaBaseUrl(IOptions<MediaOptions> options, IConfiguration configuration) : IMediaBaseUrl
{
    public Uri Current { get; } = new(options.Value.PublicBaseUrl
        ?? configuration["services:api:https:0"]
        ?? configuration["services:api:http:0"]
        ?? throw new InvalidOperationException("Media:PublicBaseUrl is not configured and no 'api' service is referenced."));
}
