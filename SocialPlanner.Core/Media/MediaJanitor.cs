using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Media;

/// <summary>Removes stored files no media row owns: files of media deleted while the store was unavailable, and
/// staging files of uploads that died half-way. Run it as a recurring job under the Worker's database role (it
/// reads every user's media ids).</summary>
public sealed class MediaJanitor(AppDbContext db, IMediaStore store, TimeProvider clock, ILogger<MediaJanitor> logger)
{
    /// <summary>Leaves recent files alone: an upload's files appear only after its row is committed, but a staging
    /// file is written for as long as the upload takes.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);

    private const int BatchSize = 500;

    /// <summary>The number of files removed.</summary>
    public async Task<int> RemoveOrphansAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - GracePeriod;
        var removed = store.RemoveStagingFilesOlderThan(before);
        var batch = new List<StoredFile>(BatchSize);
        await foreach (var file in store.ListAsync(ct))
        {
            if (file.LastModified < before)
            {
                batch.Add(file);
            }
            if (batch.Count == BatchSize)
            {
                removed += await RemoveUnownedAsync(batch, ct);
                batch.Clear();
            }
        }
        removed += await RemoveUnownedAsync(batch, ct);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} orphan media files", removed);
        }
        return removed;
    }

    private async Task<int> RemoveUnownedAsync(List<StoredFile> files, CancellationToken ct)
    {
        var ids = files.Select(f => MediaPaths.MediaIdOf(f.Path)).OfType<Guid>().Distinct().ToList();
        var owned = (await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        var removed = 0;
        foreach (var file in files.Where(f => MediaPaths.MediaIdOf(f.Path) is not { } id || !owned.Contains(id)))
        {
            await store.DeleteAsync(file.Path, ct);
            removed++;
        }
        return removed;
    }
}
