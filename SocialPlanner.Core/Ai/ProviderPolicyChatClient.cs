using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace SocialPlanner.Core.Ai;

/// <summary>The spec's provider error policy, in one place for every call: 429 → back off (1 s, 2 s, 4 s by default)
/// and give up; 500 and other server errors → the fallback provider when one is configured; 503, unreachable, or
/// a fallback that fails too → <see cref="AiProviderUnavailableException"/> (our 503, retry after 30 s). A stream
/// is only retried before its first update: after that the caller has already shown text.</summary>
public sealed partial class ProviderPolicyChatClient(
    IChatClient primary, IChatClient? fallback, IReadOnlyList<TimeSpan> backoff, TimeProvider time, ILogger logger) : IChatClient
{
    public static readonly IReadOnlyList<TimeSpan> SpecBackoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        WithPolicyAsync(client => client.GetResponseAsync(messages, options, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (stream, first) = await WithPolicyAsync(async client =>
        {
            var enumerator = client.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                return (enumerator, await enumerator.MoveNextAsync() ? enumerator.Current : null);
            }
            catch
            {
                await enumerator.DisposeAsync();
                throw;
            }
        }, cancellationToken);
        await using (stream)
        {
            if (first is null)
            {
                yield break;
            }
            yield return first;
            while (await stream.MoveNextAsync())
            {
                yield return stream.Current;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : primary.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        primary.Dispose();
        fallback?.Dispose();
    }

    private async Task<T> WithPolicyAsync<T>(Func<IChatClient, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await WithBackoffAsync(primary, call, cancellationToken);
        }
        catch (Exception e) when (fallback is not null && ShouldFallBack(e, cancellationToken))
        {
            LogFallingBack(logger, StatusOf(e), e.Message);
            try
            {
                return await WithBackoffAsync(fallback, call, cancellationToken);
            }
            catch (Exception fallbackError) when (IsProviderFailure(fallbackError, cancellationToken))
            {
                throw Unavailable(fallbackError, "the fallback AI provider failed too");
            }
        }
        catch (Exception e) when (IsProviderFailure(e, cancellationToken))
        {
            throw Unavailable(e, "the AI provider is unavailable");
        }
    }

    private async Task<T> WithBackoffAsync<T>(IChatClient client, Func<IChatClient, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(client);
            }
            catch (ClientResultException e) when (e.Status == 429 && attempt < backoff.Count)
            {
                LogBackingOff(logger, backoff[attempt].TotalSeconds, attempt + 1);
                await Task.Delay(backoff[attempt], time, cancellationToken);
            }
        }
    }

    /// <summary>The spec sends server errors to the fallback; 503 is "come back later" and 429 already had its
    /// back-off, so neither switches provider. An unreachable primary is as good as a 500.</summary>
    private static bool ShouldFallBack(Exception e, CancellationToken cancellationToken) =>
        IsProviderFailure(e, cancellationToken) && StatusOf(e) is not (503 or 429 or (>= 400 and < 500));

    private static bool IsProviderFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        ClientResultException => true,
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static int StatusOf(Exception e) => e is ClientResultException c ? c.Status : 0;

    private static AiProviderUnavailableException Unavailable(Exception e, string what) =>
        new(StatusOf(e) switch
        {
            429 => $"{what}: still rate limited (429) after backing off",
            0 => $"{what}: {e.Message}",
            var status => $"{what}: it answered {status}",
        }, e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider rate limited us; retry {Attempt} in {Seconds} s")]
    private static partial void LogBackingOff(ILogger logger, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider failed with {Status} ({Reason}); using the fallback provider")]
    private static partial void LogFallingBack(ILogger logger, int status, string reason);
}
