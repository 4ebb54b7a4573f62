using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>Keeps an open page in step with the user's posts (issue #16 §6, live updates): listens to the Api's
/// calendar changes and calls back when the version moves — a post the Worker just published turns green without a
/// reload. A dropped connection (Api restarting, Redis out, the stream's own time limit) is reopened after a pause;
/// the version the Api sends first on each connection tells whether something changed meanwhile.</summary>
public sealed class CalendarFollower(CalendarClient calendar, TimeSpan reconnectAfter) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task _following = Task.CompletedTask;
    private Task _refreshing = Task.CompletedTask;
    private bool _running;
    private bool _again;

    /// <summary>Starts following; <paramref name="changed"/> runs (never concurrently) after changes.</summary>
    public void Start(Func<Task> changed) => _following = FollowAsync(changed, _stop.Token);

    /// <summary>A burst of changes (the Worker publishing many posts at one minute) costs at most two reloads, not one
    /// per post: a change that arrives while a reload runs only asks for one more after it.</summary>
    private void Refresh(Func<Task> changed)
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        _refreshing = RefreshAsync(changed);
    }

    private async Task RefreshAsync(Func<Task> changed)
    {
        var more = true;
        try
        {
            while (more)
            {
                await changed();
                lock (_gate)
                {
                    more = _again && !_stop.IsCancellationRequested;
                    _again = false;
                    _running = more;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page is going away (its circuit closed while it reloaded).
            lock (_gate)
            {
                _running = false;
            }
        }
    }

    private async Task FollowAsync(Func<Task> changed, CancellationToken ct)
    {
        string? seen = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var version in calendar.ChangesAsync(ct))
                {
                    if (seen is not null && version != seen)
                    {
                        Refresh(changed);
                    }
                    seen = version;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or IOException or OperationCanceledException)
            {
                // Dropped or refused (503 while Redis is out): the page still works, it only stops being live meanwhile.
            }
            try
            {
                await Task.Delay(reconnectAfter, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _following;
            await _refreshing;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
