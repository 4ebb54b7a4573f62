using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>
/// Every <c>/rest/*</c> call must name an active monthly version and Rest.li 2.0.0 (platform-apis.md §1.5);
/// clients that forget either break against the real API, so they break here too.
/// </summary>
public sealed partial class RestLiHeadersFilter(IOptions<SandboxOptions> options, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        var version = headers["LinkedIn-Version"].ToString();
        if (version.Length == 0)
        {
            return LinkedInWire.Error(426, "A version must be present. Please specify a version by adding the LinkedIn-Version header.", "VERSION_MISSING");
        }

        if (!IsActive(version))
        {
            var month = VersionFormat().Match(version) is { Success: true } m ? m.Groups["month"].Value : version;
            return LinkedInWire.Error(426, $"Requested version {month}01 is not active", "NONEXISTENT_VERSION");
        }

        if (headers["X-Restli-Protocol-Version"].ToString() != "2.0.0")
        {
            return LinkedInWire.Error(400, "The X-Restli-Protocol-Version header must be 2.0.0 for this resource", "ILLEGAL_ARGUMENT");
        }

        return await next(context);
    }

    private bool IsActive(string version)
    {
        var match = VersionFormat().Match(version);
        if (!match.Success)
        {
            return false;
        }

        var month = match.Groups["month"].Value;
        var current = clock.GetUtcNow().ToString("yyyyMM", CultureInfo.InvariantCulture);
        return string.CompareOrdinal(month, options.Value.LinkedIn.OldestActiveVersion) >= 0 && string.CompareOrdinal(month, current) <= 0;
    }

    [GeneratedRegex(@"^(?<month>\d{6})(\d{2}|\.\d{2})?$")]
    private static partial Regex VersionFormat();
}
