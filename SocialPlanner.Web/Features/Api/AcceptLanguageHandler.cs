using System.Globalization;
using System.Net.Http.Headers;

namespace SocialPlanner.Web.Features.Api;

/// <summary>Asks the Api to answer in the language the page is shown in (the circuit's or request's UI culture), so
/// its error messages read like the rest of the page.</summary>
public sealed class AcceptLanguageHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        return base.SendAsync(request, ct);
    }
}
