using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace SocialPlanner.Web.Features.Api;

/// <summary>
/// The one way the Web talks to the Api: the named client carries the user's bearer token (see
/// <c>AccessTokenHandler</c>), answers are unwrapped from their envelope and every failure becomes an
/// <see cref="ApiException"/> holding the Api's problem in words.
/// </summary>
public sealed class ApiHttp(IHttpClientFactory factory)
{
    /// <summary>Calls made on behalf of the signed-in user.</summary>
    public const string UserClient = "api";

    /// <summary>Calls made before there is a session (sign in, sign up, refresh, password reset).</summary>
    public const string AnonymousClient = "api-anonymous";

    private string _clientName = UserClient;

    /// <summary>The same helper without the user's token.</summary>
    public ApiHttp Anonymous() => new(factory) { _clientName = AnonymousClient };

    public Task<Envelope<T>> GetAsync<T>(string uri, CancellationToken ct = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, uri), ct);

    public Task<Envelope<T>> PostAsync<T>(string uri, object? body, CancellationToken ct = default) =>
        SendAsync<T>(WithJson(HttpMethod.Post, uri, body), ct);

    public Task<Envelope<T>> PatchAsync<T>(string uri, object body, CancellationToken ct = default) =>
        SendAsync<T>(WithJson(HttpMethod.Patch, uri, body), ct);

    public Task<Envelope<T>> PutAsync<T>(string uri, object body, CancellationToken ct = default) =>
        SendAsync<T>(WithJson(HttpMethod.Put, uri, body), ct);

    public async Task PostAsync(string uri, object? body, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(WithJson(HttpMethod.Post, uri, body), HttpCompletionOption.ResponseContentRead, ct);
    }

    public async Task DeleteAsync(string uri, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Delete, uri), HttpCompletionOption.ResponseContentRead, ct);
    }

    /// <summary>A DELETE whose body says something the Api must check first (a password).</summary>
    public async Task DeleteAsync(string uri, object body, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(WithJson(HttpMethod.Delete, uri, body), HttpCompletionOption.ResponseContentRead, ct);
    }

    public async Task<Envelope<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return await response.Content.ReadFromJsonAsync<Envelope<T>>(ApiJson.Options, ct)
            ?? throw new ApiException(ApiProblem.FromStatus(System.Net.HttpStatusCode.BadGateway));
    }

    /// <summary>Sends and returns the successful response unread (for streams); throws <see cref="ApiException"/> otherwise.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await factory.CreateClient(_clientName).SendAsync(request, completion, ct);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiException(ApiProblem.Unreachable(), e);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw new ApiException(await ReadProblemAsync(response, ct));
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBody>(ApiJson.Options, ct);
            if (body?.Error is { } problem)
            {
                return problem with { Status = (int)response.StatusCode };
            }
        }
        catch (JsonException)
        {
            // A proxy or a crash answered instead of the Api: the status alone still says what happened.
        }
        return ApiProblem.FromStatus(response.StatusCode);
    }

    private static HttpRequestMessage WithJson(HttpMethod method, string uri, object? body) => new(method, uri)
    {
        Content = body is null ? null : JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), ApiJson.Options),
    };

    private sealed record ErrorBody(ApiProblem? Error);
}
