using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>Keeps an open page in step with the user's posts (issue #16 §6, live updates): listens to the Api's
/// calendar changes and calls back when the version moves — a post the Worker just published turns green without a
/// reload. A dropped connection (Api restarting, Redis out, the stream's own time limit) is reopened after a pause;
/// the version the Api sends first on each connection tells whether something changed meanwhile.</summary>
public sealed class CalendarFollower(CalendarClient calendar, TimeSpan reconnectAfter) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _following = Task.CompletedTask;

    /// <summary>Starts following; <paramref name="changed"/> runs (never concurrently) after each change.</summary>
    public void Start(Func<Task> changed) => _following = FollowAsync(changed, _stop.Token);

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
                        await changed();
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
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
