using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Calendar;

/// <summary>A post as a calendar cell shows it.</summary>
public sealed record CalendarPostDto(
    Guid Id, PostPlatform Platform, string ContentPreview, PostStatus Status, DateTimeOffset? ScheduledAt,
    DateTimeOffset? PublishedAt, int MediaCount);

public sealed record StatusCounts(int Draft, int Scheduled, int Published, int Failed);

public sealed record CalendarMeta(string Month, string TimeZone, int TotalPosts, StatusCounts ByStatus);

/// <summary><c>updated_at</c> is the version the client saw; another one in the database answers 409.</summary>
public sealed record ScheduleRequest(DateTimeOffset? ScheduledAt, DateTimeOffset? UpdatedAt);

/// <summary>Non-blocking remarks about a schedule the user may want to reconsider.</summary>
public sealed record ScheduleMeta(IReadOnlyList<string> Warnings);

/// <summary>The query of GET /api/calendar/posts, gathered so one validator checks it.</summary>
public sealed record CalendarMonthQuery(string? Month, string? Tz);
