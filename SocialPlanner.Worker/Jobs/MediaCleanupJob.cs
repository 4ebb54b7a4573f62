using Hangfire;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Worker.Jobs;

/// <summary>Every hour: stored files that no media row owns any more (deleted media, dead uploads) are removed.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class MediaCleanupJob(MediaJanitor janitor)
{
    public const string Id = "media-cleanup";

    public Task RunAsync(CancellationToken cancellationToken) => janitor.RemoveOrphansAsync(cancellationToken);
}
