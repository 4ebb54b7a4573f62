using Microsoft.Extensions.DependencyInjection;

namespace SocialPlanner.Core.Publishing;

/// <summary>The two writes every publication makes — "being sent" before the platform call and its outcome
/// with its post's state — gathered across the dispatcher's concurrent publications into one statement each
/// (<see cref="GroupCommit{TItem, TResult}"/>). Each row is still written only under its own claim's lease and its
/// caller still waits until it is committed, so nothing a publication may rely on changes; a burst just pays one round
/// trip and one statement's overhead for several publications. A publication whose post has a live sibling completes
/// in its own locked transaction, as before. Singleton: each batch runs in a scope of its own (the host's role).</summary>
public sealed class PublicationWrites : IAsyncDisposable
{
    /// <summary>At most as many rows as a dispatcher runs at once on both platforms, with room to spare.</summary>
    private const int MaxBatch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommit<SendingMark, bool> _marks;
    private readonly GroupCommit<Completion, PostState?> _completions;

    public PublicationWrites(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _marks = new(batch => InScopeAsync<PublicationQueue, IReadOnlyList<bool>>(queue => queue.MarkSendingAsync(batch, CancellationToken.None)), MaxBatch);
        _completions = new(batch => InScopeAsync<PublicationOutcomes, IReadOnlyList<PostState?>>(outcomes => outcomes.CompleteAloneAsync(batch, CancellationToken.None)), MaxBatch);
    }

    /// <inheritdoc cref="PublicationQueue.MarkSendingAsync(Guid, string, DateTimeOffset, string?, CancellationToken)"/>
    public Task<bool> MarkSendingAsync(SendingMark mark, CancellationToken cancellationToken) => _marks.WriteAsync(mark, cancellationToken);

    /// <inheritdoc cref="PublicationOutcomes.CompleteAsync"/>
    public async Task<PostState?> CompleteAsync(ClaimedPublication claim, PublicationChange change, CancellationToken cancellationToken)
    {
        if (claim.HasSiblings)
        {
            return await InScopeAsync<PublicationOutcomes, PostState?>(outcomes => outcomes.CompleteAsync(claim, change, cancellationToken));
        }
        return await _completions.WriteAsync(new Completion(claim, change), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _marks.DisposeAsync();
        await _completions.DisposeAsync();
    }

    private async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
