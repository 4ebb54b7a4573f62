using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Queue;

/// <summary>One recurring time of a user's weekly posting schedule: a weekday and a wall-clock time in the user's own
/// zone, for one platform (issue #17). The instant it stands for is computed per date by <see cref="SlotTimes"/>.</summary>
public class QueueSlot
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public SocialPlatform Platform { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly LocalTime { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
