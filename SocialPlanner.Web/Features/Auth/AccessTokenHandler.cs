using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>
/// Puts the signed-in user's bearer token on every call to the Api, refreshing it before it expires and once
/// more when the Api answers 401 (revoked, or expired in flight). A session that cannot be refreshed answers
/// 401 without reaching the Api, which the pages turn into "sign in again".
/// </summary>
public sealed class AccessTokenHandler(
    CircuitServicesAccessor circuit, IHttpContextAccessor http, SessionRefresher refresher) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var sessionKey = await CurrentSessionKeyAsync();
        var session = sessionKey is null ? null : await refresher.GetFreshAsync(sessionKey, ct);
        if (sessionKey is null || session is null)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
        }
        if (request.Content is not null)
        {
            // The body may have to be sent twice (after a refresh); a stream could only be read once.
            await request.Content.LoadIntoBufferAsync(ct);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var renewed = await refresher.RefreshAsync(sessionKey, session.AccessToken, ct);
        if (renewed is null)
        {
            return response;
        }
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        return await base.SendAsync(request, ct);
    }

    private async Task<string?> CurrentSessionKeyAsync()
    {
        // Inside a circuit the HttpContext is the one that opened the circuit long ago (or none): ask the circuit.
        ClaimsPrincipal? user = circuit.Services?.GetService<AuthenticationStateProvider>() is { } state
            ? (await state.GetAuthenticationStateAsync()).User
            : http.HttpContext?.User;
        return user?.FindFirstValue(WebSession.SessionKeyClaim);
    }
}
