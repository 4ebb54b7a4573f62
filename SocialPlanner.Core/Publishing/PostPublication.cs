using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Publishing;

/// <summary>Lifecycle of one publication to one platform. The table is also the dispatcher's queue.</summary>
public enum PublicationStatus
{
    /// <summary>Waiting for its due time (or for a retry's back-off).</summary>
    Pending,
    /// <summary>Claimed by a dispatcher whose lease has not expired.</summary>
    Claimed,
    /// <summary>The publish request is being sent: a re-claim must reconcile, never re-send blindly.</summary>
    Sending,
    Published,
    Failed,
    /// <summary>The post was unscheduled, rescheduled or deleted; the old schedule must not act.</summary>
    Cancelled,
}

/// <summary>The first comment's own lifecycle, after its post is published (issue #17 §3). It never touches the
/// post's publication: a failed comment leaves the post published.</summary>
public enum CommentStatus
{
    /// <summary>The post has no first comment for this platform.</summary>
    None,
    /// <summary>Waiting for the post to be published, or for a retry's back-off.</summary>
    Pending,
    /// <summary>The comment request is being sent: a re-claim must reconcile, never re-send blindly.</summary>
    Sending,
    Published,
    Failed,
}

/// <summary>One post published to one platform (two rows for <c>platform = both</c>).</summary>
public class PostPublication
{
    public Guid Id { get; set; }
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public SocialPlatform Platform { get; set; }
    public PublicationStatus Status { get; set; } = PublicationStatus.Pending;
    /// <summary>When the dispatcher may take it: the scheduled time, later after a back-off or a quota deferral.</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The post's scheduled time this row was made for; lateness is measured from it.</summary>
    public DateTimeOffset ScheduledAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SendingAt { get; set; }
    public string? ExternalId { get; set; }
    public string? ExternalUrl { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Why it is not published (yet), in English: logs, exports, and the fallback of <see cref="ErrorTexts"/>.</summary>
    public string? ErrorMessage { get; set; }
    /// <summary>The same in every language the app speaks (<c>jsonb</c>, <see cref="Localisation.Translations"/>).</summary>
    public string? ErrorTexts { get; set; }
    /// <summary>Set with <c>failed</c>, cleared once the failure email went out; overdue ones are queued again.</summary>
    public DateTimeOffset? NoticeDueAt { get; set; }
    /// <summary>The W3C <c>traceparent</c> of the request that scheduled it: the Worker's attempts continue that trace,
    /// so one trace follows a post from the schedule request to the platform call.</summary>
    public string? TraceParent { get; set; }
    public CommentStatus CommentStatus { get; set; } = CommentStatus.None;
    public string? CommentExternalId { get; set; }
    public string? CommentError { get; set; }
    /// <summary><see cref="CommentError"/> in every language the app speaks (<c>jsonb</c>).</summary>
    public string? CommentErrorTexts { get; set; }
    public int CommentAttempts { get; set; }
    /// <summary>When the comment step may take the row: null for "as soon as the post is published"; later after a
    /// back-off, or when a "sending" mark's lease runs out.</summary>
    public DateTimeOffset? CommentDueAt { get; set; }
    /// <summary>When the Worker should next read this published post's metrics from its platform; null when no
    /// reading is owed (not published yet, or the schedule of readings is over).</summary>
    public DateTimeOffset? MetricsDueAt { get; set; }
    /// <summary>How many scheduled readings were taken; picks the age of the next one.</summary>
    public int MetricsReadings { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Post? Post { get; set; }
}
