using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Worker.Publishing;

/// <summary>The replacement for TickerQ's one-off tickers: sleeps until the earliest due publication,
/// a NOTIFY from the Api, a freed slot, or the idle ceiling; claims due rows in batches with a lease, per platform
/// its free slots plus a few rows ahead (<see cref="DispatchRoom"/>); reads the batch's posts and accounts together;
/// publishes them with bounded concurrency per platform; renews the leases it holds while it works.</summary>
public sealed partial class PublishingDispatcher(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, DispatcherIdentity identity, DispatcherHeartbeat heartbeat,
    TimeProvider clock, IOptions<PublishingOptions> options, ILogger<PublishingDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);
    /// <summary>Rows may be due yet momentarily unclaimable (another dispatcher is mid-claim): don't spin on them.</summary>
    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(20);

    /// <summary>What we hold, running or waiting for a slot, by claim: a row we claim again while an older claim of it
    /// is still finishing is two entries. Only the loop adds, so the room it computes is never overcommitted.</summary>
    private readonly ConcurrentDictionary<ClaimedPublication, Task> _held = new();

    private readonly Dictionary<SocialPlatform, SemaphoreSlim> _slots =
        Enum.GetValues<SocialPlatform>().ToDictionary(p => p, _ => new SemaphoreSlim(options.Value.MaxConcurrencyPerPlatform));

    /// <summary>When a platform's rows must be looked at again: at once after a claim that filled its room (more may be
    /// due), else at the next due time or lease expiry the database gave. A freed slot alone then costs no query; a
    /// NOTIFY or a retry we scheduled ourselves (<see cref="_rowsChanged"/>) brings it forward. Only the loop uses it.</summary>
    private readonly Dictionary<SocialPlatform, DateTimeOffset> _lookAgainAt =
        Enum.GetValues<SocialPlatform>().ToDictionary(p => p, _ => DateTimeOffset.MinValue);

    private TaskCompletionSource _wakeUp = NewSignal();
    private volatile bool _rowsChanged;

    private PublishingOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = ListenAsync(stoppingToken);
        var renewer = RenewLeasesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeat.Beat(clock.GetUtcNow());
            var signal = ResetSignal();
            try
            {
                if (_rowsChanged)
                {
                    _rowsChanged = false;
                    foreach (var platform in Enum.GetValues<SocialPlatform>())
                    {
                        _lookAgainAt[platform] = DateTimeOffset.MinValue;
                    }
                }

                var now = clock.GetUtcNow();
                var ready = Room().Where(r => r.Value > 0 && _lookAgainAt[r.Key] <= now).ToDictionary();
                if (ready.Count > 0)
                {
                    await ClaimAndStartAsync(ready, now, stoppingToken);
                }

                // The earliest look-again of a platform that has room; none with room: a freed slot wakes us.
                var next = Room().Where(r => r.Value > 0).Select(r => _lookAgainAt[r.Key]).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                var wait = next == DateTimeOffset.MaxValue ? Options.MaxIdleWait : next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await SleepAsync(signal, wait > Options.MaxIdleWait ? Options.MaxIdleWait : wait, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(e);
                await SleepAsync(signal, ErrorPause, stoppingToken);
            }
        }

        await Task.WhenAll(_held.Values);
        await ReleaseHeldAsync();
        await Task.WhenAll(listener, renewer);
    }

    private IReadOnlyDictionary<SocialPlatform, int> Room() => DispatchRoom.Of(
        _held.Keys.CountBy(c => c.Platform).ToDictionary(), Options.MaxConcurrencyPerPlatform, Options.ClaimAhead, Options.BatchSize);

    private async Task ClaimAndStartAsync(IReadOnlyDictionary<SocialPlatform, int> room, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var batch = await ClaimAsync(room, stoppingToken);
        foreach (var work in batch)
        {
            // Registered before it starts, so its own removal when it ends cannot come first.
            var start = new Task<Task>(() => RunAsync(work, stoppingToken));
            _held[work.Claim] = start.Unwrap();
            start.Start(TaskScheduler.Default);
        }

        var drained = room.Keys.Where(p => batch.Count(w => w.Claim.Platform == p) < room[p]).ToList();
        foreach (var platform in room.Keys.Except(drained))
        {
            _lookAgainAt[platform] = now;
        }
        if (drained.Count > 0)
        {
            // Never later than the idle ceiling (a lost NOTIFY costs at most that), never sooner than the pause.
            var due = await NextWakeAsync(drained, stoppingToken) ?? DateTimeOffset.MaxValue;
            var at = due < now + MinimumPause ? now + MinimumPause : due > now + Options.MaxIdleWait ? now + Options.MaxIdleWait : due;
            foreach (var platform in drained)
            {
                _lookAgainAt[platform] = at;
            }
        }
    }

    private async Task RunAsync(PublicationWork work, CancellationToken stoppingToken)
    {
        var claim = work.Claim;
        var slot = _slots[claim.Platform];
        var running = false;
        try
        {
            await slot.WaitAsync(stoppingToken);
            running = true;
            await using var scope = scopes.CreateAsyncScope();
            var change = await scope.ServiceProvider.GetRequiredService<PublicationProcessor>().ProcessAsync(work, stoppingToken);
            if (change is not null && PublicationRules.IsOpen(change.Status))
            {
                // A retry, a deferral or a reconciliation we just scheduled (rare): the next look-again must not miss it.
                RowsChanged();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The lease is no longer renewed once we forget the row, so another claim recovers it (reconciling if it was being sent).
            LogPublicationCrashed(e, claim.Id);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the row keeps its state; ReleaseHeldAsync hands it back.
        }
        finally
        {
            if (running)
            {
                slot.Release();
            }
            _held.TryRemove(claim, out _);
            _wakeUp.TrySetResult();
        }
    }

    /// <summary>Claims and reads the batch on one connection. Should the read fail, the claimed rows' leases are not
    /// renewed (we never held them in flight), so they come back when the leases lapse.</summary>
    private async Task<IReadOnlyList<PublicationWork>> ClaimAsync(IReadOnlyDictionary<SocialPlatform, int> room, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<PublicationQueue>()
            .ClaimAsync(identity.Owner, clock.GetUtcNow(), Options.LeaseDuration, room, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<PublicationLoader>().LoadAsync(claimed, cancellationToken);
    }

    private async Task<DateTimeOffset?> NextWakeAsync(IReadOnlyCollection<SocialPlatform> platforms, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublicationQueue>().NextWakeAsync(platforms, cancellationToken);
    }

    /// <summary>On a clean stop, rows we hold go back at once instead of waiting for their leases to expire.</summary>
    private async Task ReleaseHeldAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await scope.ServiceProvider.GetRequiredService<PublicationQueue>().ReleaseAsync(identity.Owner, timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            LogReleaseFailed(e);
        }
    }

    /// <summary>A dedicated connection LISTENs for the Api's NOTIFY; after a reconnect it wakes the loop, since
    /// notifications sent while it was away are lost.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => RowsChanged();
                await using (var listen = new NpgsqlCommand("LISTEN " + PublicationScheduler.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                RowsChanged();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                LogListenFailed(e);
                await PauseAsync(ErrorPause, stoppingToken);
            }
        }
    }

    private async Task RenewLeasesAsync(CancellationToken stoppingToken)
    {
        var every = Options.LeaseDuration / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            await PauseAsync(every, stoppingToken);
            if (_held.IsEmpty || stoppingToken.IsCancellationRequested)
            {
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublicationQueue>()
                    .RenewAsync(identity.Owner, [.. _held.Keys.Select(c => c.Id)], clock.GetUtcNow() + Options.LeaseDuration, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRenewFailed(e);
            }
        }
    }

    /// <summary>Rows may have become due or been re-armed (a NOTIFY, or a reconnect after which notifications may have
    /// been lost): every platform is looked at again.</summary>
    private void RowsChanged()
    {
        _rowsChanged = true;
        _wakeUp.TrySetResult();
    }

    private TaskCompletionSource ResetSignal()
    {
        var current = _wakeUp;
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _wakeUp, NewSignal(), current);
        }
        return _wakeUp;
    }

    private async Task SleepAsync(TaskCompletionSource signal, TimeSpan wait, CancellationToken stoppingToken)
    {
        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(signal.Task, Task.Delay(wait, clock, sleeping.Token));
        await sleeping.CancelAsync();
    }

    private async Task PauseAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop condition ends it.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(LogLevel.Error, "Publishing dispatcher loop failed; retrying")]
    private partial void LogLoopFailed(Exception e);

    [LoggerMessage(LogLevel.Error, "Publishing {PublicationId} crashed; its lease will lapse and it will be recovered")]
    private partial void LogPublicationCrashed(Exception e, Guid publicationId);

    [LoggerMessage(LogLevel.Warning, "LISTEN connection lost; reconnecting")]
    private partial void LogListenFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "Renewing publication leases failed")]
    private partial void LogRenewFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "Releasing held publications on shutdown failed; their leases will lapse")]
    private partial void LogReleaseFailed(Exception e);
}
