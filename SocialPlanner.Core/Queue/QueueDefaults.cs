using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Queue;

/// <summary>The schedule offered to a user who has none yet (docs/queue.md says why these times): LinkedIn on the
/// working days its professional audience reads most, at the start of the working day; Instagram at lunchtime.</summary>
public static class QueueDefaults
{
    public static readonly IReadOnlyList<WeeklyTime> Suggested =
    [
        new(SocialPlatform.Linkedin, DayOfWeek.Tuesday, new TimeOnly(8, 30)),
        new(SocialPlatform.Linkedin, DayOfWeek.Wednesday, new TimeOnly(8, 30)),
        new(SocialPlatform.Linkedin, DayOfWeek.Thursday, new TimeOnly(8, 30)),
        new(SocialPlatform.Instagram, DayOfWeek.Monday, new TimeOnly(12, 0)),
        new(SocialPlatform.Instagram, DayOfWeek.Wednesday, new TimeOnly(12, 0)),
        new(SocialPlatform.Instagram, DayOfWeek.Friday, new TimeOnly(12, 0)),
    ];

    /// <summary>How far ahead a free slot is looked for before the queue answers that there is none.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(365);
}
