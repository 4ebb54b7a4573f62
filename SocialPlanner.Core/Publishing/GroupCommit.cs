using System.Threading.Channels;

namespace SocialPlanner.Core.Publishing;

/// <summary>Group commit: each caller hands in one item and awaits its own result, while a single loop writes whatever
/// has gathered with one call of <c>write</c>. Idle, an item is written at once (no timer, nothing waits for company);
/// under load, the items that arrive while a write is in flight go together in the next one, so they share its round
/// trip and Postgres's per-statement cost. Should a batch of several fail, each of its items is written again alone,
/// so one bad row fails by itself and the others are not held back.
/// <para>A caller that stops waiting (its token cancelled) does not withdraw its item: it may still be written, as if
/// the caller had crashed just after writing it. Callers must be safe with that, as the queue's writes are.</para></summary>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _write;
    private readonly int _maxBatch;
    private readonly Channel<Entry> _pending = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    /// <param name="write">Writes the items, returning one result per item in order; never called with none.</param>
    /// <param name="maxBatch">The most items one call writes.</param>
    public GroupCommit(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _write = write;
        _maxBatch = maxBatch;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var entry = new Entry(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(entry))
        {
            throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>));
        }
        _ = _loop.Value;
        return entry.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is still pending, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Entry>(_maxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _pending.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Entry> batch)
    {
        try
        {
            var results = await _write([.. batch.Select(e => e.Item)]);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"{results.Count} results for {batch.Count} items.");
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var entry in batch)
            {
                await WriteAsync([entry]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private sealed record Entry(TItem Item, TaskCompletionSource<TResult> Done);
}
