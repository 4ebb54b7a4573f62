using System.Collections.Concurrent;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Tests.Publishing;

/// <summary>The batching under the queue's writes, with a write the test holds open: what goes in which batch, and
/// what each caller gets back.</summary>
public sealed class GroupCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records each batch and holds it until the test releases it; "bad" items make their batch throw.</summary>
    private sealed class HeldWrite
    {
        private readonly ConcurrentQueue<TaskCompletionSource> _gates = new();
        private readonly SemaphoreSlim _started = new(0);

        public ConcurrentQueue<string[]> Batches { get; } = new();

        private volatile bool _hold = true;

        public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<string> items)
        {
            Batches.Enqueue([.. items]);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _gates.Enqueue(gate);
            _started.Release();
            if (_hold)
            {
                await gate.Task;
            }
            if (items.Contains("bad"))
            {
                throw new InvalidOperationException("bad row");
            }
            return [.. items.Select(i => i.ToUpperInvariant())];
        }

        public Task StartedAsync() => _started.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        public void ReleaseAll()
        {
            _hold = false;
            while (_gates.TryDequeue(out var gate))
            {
                gate.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Alone_an_item_is_written_at_once_and_items_arriving_meanwhile_share_the_next_write()
    {
        var write = new HeldWrite();
        await using var group = new GroupCommit<string, string>(write.WriteAsync, maxBatch: 64);

        var first = group.WriteAsync("a", Ct);
        await write.StartedAsync(); // written without waiting for company
        var later = new[] { group.WriteAsync("b", Ct), group.WriteAsync("c", Ct), group.WriteAsync("d", Ct) };
        Assert.False(first.IsCompleted);
        write.ReleaseAll();

        Assert.Equal("A", await first);
        Assert.Equal(["B", "C", "D"], await Task.WhenAll(later));
        Assert.Equal([["a"], ["b", "c", "d"]], write.Batches.ToArray());
    }

    [Fact]
    public async Task A_batch_never_holds_more_than_its_maximum()
    {
        var write = new HeldWrite();
        await using var group = new GroupCommit<string, string>(write.WriteAsync, maxBatch: 2);

        var first = group.WriteAsync("a", Ct);
        await write.StartedAsync();
        var later = new[] { "b", "c", "d", "e", "f" }.Select(i => group.WriteAsync(i, Ct)).ToArray();
        write.ReleaseAll();
        await first;
        await Task.WhenAll(later);

        Assert.Equal([["a"], ["b", "c"], ["d", "e"], ["f"]], write.Batches.ToArray());
    }

    [Fact]
    public async Task When_a_batch_fails_each_item_is_written_alone_so_only_the_bad_one_fails()
    {
        var write = new HeldWrite();
        await using var group = new GroupCommit<string, string>(write.WriteAsync, maxBatch: 64);

        var first = group.WriteAsync("a", Ct);
        await write.StartedAsync();
        var good = group.WriteAsync("b", Ct);
        var bad = group.WriteAsync("bad", Ct);
        var alsoGood = group.WriteAsync("c", Ct);
        write.ReleaseAll();

        Assert.Equal("A", await first);
        Assert.Equal("B", await good);
        Assert.Equal("C", await alsoGood);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("bad row", failure.Message);
        Assert.Equal([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]], write.Batches.ToArray());
    }

    [Fact]
    public async Task A_write_that_answers_for_the_wrong_number_of_items_fails_them_rather_than_mismatching_results()
    {
        await using var group = new GroupCommit<string, string>(_ => Task.FromResult<IReadOnlyList<string>>([]), maxBatch: 64);

        await Assert.ThrowsAsync<InvalidOperationException>(() => group.WriteAsync("a", Ct));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_is_released_while_its_item_is_still_written()
    {
        var write = new HeldWrite();
        await using var group = new GroupCommit<string, string>(write.WriteAsync, maxBatch: 64);
        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var waiting = group.WriteAsync("a", impatient.Token);
        await write.StartedAsync();
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        write.ReleaseAll();
        Assert.Equal("B", await group.WriteAsync("b", Ct));
        Assert.Equal([["a"], ["b"]], write.Batches.ToArray());
    }

    [Fact]
    public async Task Disposing_writes_what_is_pending_then_refuses_more()
    {
        var write = new HeldWrite();
        var group = new GroupCommit<string, string>(write.WriteAsync, maxBatch: 64);
        var first = group.WriteAsync("a", Ct);
        await write.StartedAsync();
        var pending = group.WriteAsync("b", Ct);

        var disposing = group.DisposeAsync().AsTask();
        Assert.Throws<ObjectDisposedException>(() => { _ = group.WriteAsync("c", Ct); });
        Assert.False(disposing.IsCompleted);
        write.ReleaseAll();
        await disposing;

        Assert.Equal("A", await first);
        Assert.Equal("B", await pending);
        Assert.Equal([["a"], ["b"]], write.Batches.ToArray());
    }
}
