using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>The Api's <c>/api/auth</c> endpoints.</summary>
public sealed class AuthClient(ApiHttp http)
{
    public async Task<AuthResult> RegisterAsync(Registration registration, CancellationToken ct = default) =>
        (await http.Anonymous().PostAsync<AuthResult>("/api/auth/register", registration, ct)).Data;

    public async Task<AuthResult> LoginAsync(Credentials credentials, CancellationToken ct = default) =>
        (await http.Anonymous().PostAsync<AuthResult>("/api/auth/login", credentials, ct)).Data;

    public async Task<AuthResult> RefreshAsync(string refreshToken, CancellationToken ct = default) =>
        (await http.Anonymous().PostAsync<AuthResult>("/api/auth/refresh", new RefreshRequest(refreshToken), ct)).Data;

    public Task RequestPasswordResetAsync(string email, CancellationToken ct = default) =>
        http.Anonymous().PostAsync("/api/auth/reset-password", new ResetPasswordRequest(email), ct);

    public Task ConfirmPasswordResetAsync(ResetPasswordConfirmRequest request, CancellationToken ct = default) =>
        http.Anonymous().PostAsync("/api/auth/reset-password/confirm", request, ct);

    public Task LogoutAsync(CancellationToken ct = default) => http.PostAsync("/api/auth/logout", null, ct);

    public async Task<Me> GetMeAsync(CancellationToken ct = default) => (await http.GetAsync<Me>("/api/auth/me", ct)).Data;

    public async Task<Me> UpdateTimeZoneAsync(string timeZone, CancellationToken ct = default) =>
        (await http.PatchAsync<Me>("/api/auth/me", new UpdateMeRequest(timeZone), ct)).Data;

    public async Task<Me> UpdateLanguageAsync(string language, CancellationToken ct = default) =>
        (await http.PatchAsync<Me>("/api/auth/me", new UpdateMeRequest(null, language), ct)).Data;

    public async Task<Me> UpdateNotificationsAsync(Notifications choices, CancellationToken ct = default) =>
        (await http.SendAsync<Me>(new HttpRequestMessage(HttpMethod.Put, "/api/auth/me/notifications")
        {
            Content = System.Net.Http.Json.JsonContent.Create(choices, options: ApiJson.Options),
        }, ct)).Data;

    /// <summary>The Api's export file, unread, for the Web to stream on to the browser; the caller disposes it.</summary>
    public Task<HttpResponseMessage> OpenExportAsync(CancellationToken ct = default) =>
        http.SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/me/export"), HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>Deletes the account and all of its data; the Api ends every session of it.</summary>
    public Task DeleteAccountAsync(string password, CancellationToken ct = default) =>
        http.DeleteAsync("/api/auth/me", new DeleteAccountRequest(password), ct);

    /// <summary>The Api ends the user's other sessions and keeps this one, so the stored tokens stay good.</summary>
    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default) =>
        http.PostAsync("/api/auth/password", new ChangePasswordRequest(currentPassword, newPassword), ct);
}
