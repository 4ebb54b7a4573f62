using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Publishing;

/// <summary>Turns a post's schedule into its publication rows, the queue the Worker's dispatchers drain. Every
/// change re-arms or cancels the rows, so whatever the old schedule would have done is undone, saves the
/// tracked post with them, and wakes the dispatchers with <c>NOTIFY</c>.</summary>
public sealed class PublicationScheduler(AppDbContext db)
{
    public const string Channel = "publications_changed";
    /// <summary>Wakes every dispatcher (they LISTEN on <see cref="Channel"/>).</summary>
    internal const string NotifySql = "NOTIFY " + Channel;

    /// <summary>Schedules (or reschedules) the post: one due publication per target platform. Platforms the post no
    /// longer targets are cancelled; platforms already published are left alone.</summary>
    /// <exception cref="PublicationInFlightException">A publication is being sent right now.</exception>
    public async Task ScheduleAsync(Post post, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default)
    {
        var publications = await LoadAsync(post, cancellationToken);
        await EnsureNothingInFlightAsync(post, publications, cancellationToken);

        var targets = TargetsOf(post.Platform);
        foreach (var platform in targets)
        {
            var publication = publications.FirstOrDefault(p => p.Platform == platform);
            if (publication is null)
            {
                publication = new PostPublication { Id = Guid.CreateVersion7(), PostId = post.Id, UserId = post.UserId, Platform = platform };
                db.PostPublications.Add(publication);
            }
            else if (publication.Status == PublicationStatus.Published)
            {
                continue;
            }

            Arm(publication, scheduledAt);
            ArmComment(publication, FirstComments.Of(post).For(platform));
        }

        foreach (var dropped in publications.Where(p => !targets.Contains(p.Platform)))
        {
            Cancel(dropped);
        }

        post.ScheduledAt = scheduledAt;
        post.Status = PostStatus.Scheduled;
        post.ErrorMessage = null;
        post.ErrorTexts = null;
        await SaveAndNotifyAsync(post, cancellationToken);
    }

    /// <summary>Takes the post off the calendar: its pending publications are cancelled and it becomes a draft.</summary>
    /// <exception cref="PublicationInFlightException">A publication is being sent right now.</exception>
    public async Task UnscheduleAsync(Post post, CancellationToken cancellationToken = default)
    {
        await CancelOpenAsync(post, cancellationToken);
        post.ScheduledAt = null;
        post.Status = PostStatus.Draft;
        await SaveAndNotifyAsync(post, cancellationToken);
    }

    /// <summary>Call after changing a post's content, media or platform (before saving): a scheduled post is re-armed,
    /// so a dispatcher that already claimed the old version loses its claim and sends the new one. Any other post may
    /// still have an open row (a "failed" post whose other platform is still under way): its claim is revoked the same
    /// way, keeping its due time and attempts, and a platform the post no longer targets is cancelled.</summary>
    /// <exception cref="PublicationInFlightException">A publication is being sent right now.</exception>
    public async Task OnPostEditedAsync(Post post, CancellationToken cancellationToken = default)
    {
        if (post is { Status: PostStatus.Scheduled, ScheduledAt: { } at })
        {
            await ScheduleAsync(post, at, cancellationToken);
            return;
        }
        if (post.Status != PostStatus.Failed)
        {
            // A draft's rows were all closed when it was taken off the calendar; an autosave need not read them.
            await SaveAndNotifyAsync(post, cancellationToken);
            return;
        }
        var publications = await LoadAsync(post, cancellationToken);
        await EnsureNothingInFlightAsync(post, publications, cancellationToken);
        var targets = TargetsOf(post.Platform);
        foreach (var open in publications.Where(p => PublicationRules.IsOpen(p.Status)))
        {
            if (targets.Contains(open.Platform))
            {
                open.Status = PublicationStatus.Pending;
                open.LeaseOwner = null;
                open.LeaseExpiresAt = null;
            }
            else
            {
                Cancel(open);
            }
        }
        await SaveAndNotifyAsync(post, cancellationToken);
    }

    /// <summary>Call before removing a post: its open publications are cancelled so no dispatcher sends it.</summary>
    /// <exception cref="PublicationInFlightException">A publication is being sent right now.</exception>
    public async Task OnPostDeletedAsync(Post post, CancellationToken cancellationToken = default)
    {
        await CancelOpenAsync(post, cancellationToken);
        await SaveAndNotifyAsync(post, cancellationToken);
    }

    public static IReadOnlyList<SocialPlatform> TargetsOf(PostPlatform platform) => platform switch
    {
        PostPlatform.Linkedin => [SocialPlatform.Linkedin],
        PostPlatform.Instagram => [SocialPlatform.Instagram],
        PostPlatform.Both => [SocialPlatform.Linkedin, SocialPlatform.Instagram],
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };

    private async Task CancelOpenAsync(Post post, CancellationToken cancellationToken)
    {
        var publications = await LoadAsync(post, cancellationToken);
        await EnsureNothingInFlightAsync(post, publications, cancellationToken);
        foreach (var publication in publications.Where(p => PublicationRules.IsOpen(p.Status)))
        {
            Cancel(publication);
        }
    }

    private Task<List<PostPublication>> LoadAsync(Post post, CancellationToken cancellationToken) =>
        db.PostPublications.Where(p => p.PostId == post.Id).ToListAsync(cancellationToken);

    /// <summary>A row in <c>Sending</c> may already be on the platform; pretending to cancel it would lie. While its
    /// owner is paused, a send awaiting its reconciliation stays in flight until they resume: the refusal says so, or
    /// "try again" would fail for as long as the pause lasts.</summary>
    private async Task EnsureNothingInFlightAsync(Post post, IEnumerable<PostPublication> publications, CancellationToken cancellationToken)
    {
        if (publications.FirstOrDefault(p => p.Status == PublicationStatus.Sending) is { } sending)
        {
            // A row whose lease still runs is being sent right now, pause or not; one without awaits its reconciliation.
            var leaseEnds = sending.LeaseExpiresAt;
            var paused = await db.Users.AnyAsync(u => u.Id == post.UserId && u.PublishingPausedAt != null
                && (leaseEnds == null || leaseEnds < DateTimeOffset.UtcNow), cancellationToken);
            throw new PublicationInFlightException(sending.Platform, paused);
        }
    }

    /// <summary>Whether this save changes the text the platforms compare (LinkedIn's duplicate check, Instagram's
    /// caption): the published text, so a trailing space or a hashtag already written in the text changes nothing.
    /// A reworded post forgets its rows' earlier sends (<see cref="PostPublication.SendingAt"/>): they were of another
    /// text, so no duplicate answer or caption match to its next send can be their post, and that send is a first one.
    /// Published rows and rows being sent keep theirs.</summary>
    private bool Reworded(Post post)
    {
        var entry = db.Entry(post);
        if (entry.State != EntityState.Modified)
        {
            return false;
        }
        var content = entry.Property(p => p.Content);
        var hashtags = entry.Property(p => p.Hashtags);
        return (content.IsModified || hashtags.IsModified)
            && PlatformRules.PublishedText(content.OriginalValue, hashtags.OriginalValue) != PlatformRules.PublishedText(post.Content, post.Hashtags);
    }

    /// <summary>Clearing the lease is what revokes a dispatcher's claim: its Claimed → Sending step checks it.</summary>
    private static void Arm(PostPublication publication, DateTimeOffset scheduledAt)
    {
        publication.Status = PublicationStatus.Pending;
        publication.ScheduledAt = scheduledAt;
        publication.DueAt = scheduledAt;
        publication.Attempts = 0;
        publication.LeaseOwner = null;
        publication.LeaseExpiresAt = null;
        // SendingAt is kept: a row retried after an earlier send (one that ended unconfirmed, say) may already be on
        // the platform, and LinkedIn's duplicate answer to the retry is then that post (LinkedInPublisher); unless the
        // post was reworded since (Reworded).
        publication.ExternalId = null;
        publication.ExternalUrl = null;
        publication.ErrorMessage = null;
        publication.ErrorTexts = null;
        publication.TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
    }

    /// <summary>The comment waits for its post: the comment step takes it once the publication is published.</summary>
    private static void ArmComment(PostPublication publication, string? comment)
    {
        publication.CommentStatus = comment is null ? CommentStatus.None : CommentStatus.Pending;
        publication.CommentExternalId = null;
        publication.CommentError = null;
        publication.CommentErrorTexts = null;
        publication.CommentAttempts = 0;
        publication.CommentDueAt = null;
    }

    private static void Cancel(PostPublication publication)
    {
        publication.Status = PublicationStatus.Cancelled;
        publication.LeaseOwner = null;
        publication.LeaseExpiresAt = null;
    }

    /// <summary>NOTIFY inside the same transaction is delivered on commit, so no dispatcher wakes to stale rows.
    /// A caller's own transaction is joined rather than nested.
    /// When the save rewords <paramref name="post"/>, its rows other than published or being sent forget their earlier
    /// sends once the tracked changes are saved, in one statement of the same transaction (closed rows are not even
    /// read, so an autosave cannot conflict on them).</summary>
    private async Task SaveAndNotifyAsync(Post post, CancellationToken cancellationToken)
    {
        var reworded = Reworded(post);
        if (db.Database.CurrentTransaction is not null)
        {
            await SaveAsync(cancellationToken);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SaveAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        async Task SaveAsync(CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            if (reworded)
            {
                await db.PostPublications
                    .Where(p => p.PostId == post.Id && p.SendingAt != null
                        && p.Status != PublicationStatus.Published && p.Status != PublicationStatus.Sending)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.SendingAt, (DateTimeOffset?)null), ct);
            }
            await db.Database.ExecuteSqlRawAsync(NotifySql, ct);
        }
    }
}

/// <summary>The post cannot be changed now: one of its publications is being sent (the Api answers 409).
/// <paramref name="paused"/>: its send awaits a reconciliation that its owner's pause holds back until they resume.</summary>
public sealed class PublicationInFlightException(SocialPlatform platform, bool paused = false)
    : InvalidOperationException(ResourceTexts<PublishingStrings>.Get(paused ? "InFlightWhilePaused" : "InFlight", PostState.PlatformName(platform)))
{
    public SocialPlatform Platform { get; } = platform;
}
