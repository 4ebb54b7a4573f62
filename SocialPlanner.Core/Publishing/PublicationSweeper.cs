using Microsoft.Extensions.Options;
using SocialPlanner.Core.Calendar;

namespace SocialPlanner.Core.Publishing;

/// <summary>What one sweep found: leases of dead holders released, open rows overdue by more than
/// <see cref="PublishingOptions.StuckAfter"/>, posts whose stored state disagreed with their publications and was
/// re-derived (counted in <c>socialplanner.publishing.post_state_repairs</c>: anything above zero is a bug to chase).</summary>
public sealed record SweepResult(int ReleasedLeases, int Overdue, int RepairedPosts);

/// <summary>The safety net of the queue, shared by the Worker's recurring job and the Api's cron
/// endpoint: leases of dead workers are released (rows that were being sent go to reconciliation), overdue rows
/// wake the dispatchers, and posts whose publications finished without their state being derived are repaired (and
/// their owners' cached calendars retired, like every other write that changes them).</summary>
public sealed class PublicationSweeper(
    PublicationQueue queue, PublicationOutcomes outcomes, CalendarVersions calendars, PublishingTelemetry telemetry, TimeProvider clock,
    IOptions<PublishingOptions> options)
{
    /// <summary>How far back the state check looks: a finished publication's <c>due_at</c> is when it finished, and
    /// the sweep runs every minute, so a day is ample while keeping the check to a day's rows.</summary>
    public static readonly TimeSpan RepairWindow = TimeSpan.FromDays(1);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var released = await queue.ReleaseExpiredLeasesAsync(now, cancellationToken);
        var overdue = await queue.CountOverdueAsync(now - options.Value.StuckAfter, cancellationToken);
        var repairedFor = await outcomes.RepairPostStatesAsync(now - RepairWindow, cancellationToken);
        telemetry.RecordPostStateRepairs(repairedFor.Count);
        foreach (var user in repairedFor.Distinct())
        {
            await calendars.BumpAsync(user);
        }
        if (released > 0 || overdue > 0)
        {
            await queue.NotifyAsync(cancellationToken);
        }
        return new SweepResult(released, overdue, repairedFor.Count);
    }
}
