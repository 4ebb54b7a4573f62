using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Queue;

/// <summary>One time of the weekly schedule: <c>weekday</c> monday…sunday, <c>time</c> HH:mm in the user's zone.</summary>
public sealed record QueueSlotDto(Guid Id, SocialPlatform Platform, string Weekday, string Time, DateTimeOffset CreatedAt);

/// <summary>A slot offered to a user who has none yet; nothing is stored until they adopt it.</summary>
public sealed record SuggestedSlotDto(SocialPlatform Platform, string Weekday, string Time);

/// <summary><c>suggested</c> is present only while the user has no slot at all.</summary>
public sealed record SlotsMeta(string TimeZone, IReadOnlyList<SuggestedSlotDto>? Suggested);

/// <summary>A slot as a client writes it; every field a plain string so a wrong one is a field error, not a 400 without words.</summary>
public sealed record SlotRequest(string? Platform, string? Weekday, string? Time);

/// <summary>The whole schedule at once (the Queue page's editor saves this way).</summary>
public sealed record ReplaceSlotsRequest(List<SlotRequest>? Slots);

/// <summary>A post sitting in a slot.</summary>
public sealed record QueuedPostDto(Guid Id, PostPlatform Platform, string ContentPreview, PostStatus Status);

/// <summary>One upcoming slot and what fills it (<c>post</c> null: empty).</summary>
public sealed record QueueEntryDto(SocialPlatform Platform, DateTimeOffset At, string LocalDate, string LocalTime, QueuedPostDto? Post);

public sealed record QueueMeta(string TimeZone, string From, string To, DateTimeOffset? PausedAt);

/// <summary>Where the queue put a post: the instant, and the same as a wall-clock time in the user's zone.</summary>
public sealed record QueuedMeta(DateTimeOffset ScheduledAt, string LocalTime, string TimeZone);

public sealed record PauseStateDto(bool Paused, DateTimeOffset? PausedAt, int OverduePosts);

/// <summary><c>overdue</c>: <c>publish_now</c> or <c>next_slots</c>; what becomes of the posts that fell due while paused.</summary>
public sealed record ResumeRequest(string? Overdue);

public sealed record RescheduledPostDto(Guid PostId, DateTimeOffset ScheduledAt);

public sealed record ResumeMeta(string Overdue, int PublishedNow, IReadOnlyList<RescheduledPostDto> Rescheduled);

/// <summary>The query of GET /api/queue, gathered so one validator checks it.</summary>
public sealed record QueueRangeQuery(string? From, string? To);
