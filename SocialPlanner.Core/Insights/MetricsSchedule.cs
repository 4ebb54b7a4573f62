namespace SocialPlanner.Core.Insights;

/// <summary>Pure rules of the reading schedule: a reading is owed at each configured age of the post; one reading
/// covers every age it is late for (a publication found late, or after an outage, is not read several times in a row).</summary>
public static class MetricsSchedule
{
    /// <summary>How many of the ages a reading taken at <paramref name="age"/> covers.</summary>
    public static int Covered(IReadOnlyList<TimeSpan> ages, TimeSpan age) => ages.Count(a => a <= age);

    /// <summary>When the next reading is owed after <paramref name="readings"/> were covered; null when the schedule is over.</summary>
    public static DateTimeOffset? NextDue(IReadOnlyList<TimeSpan> ages, DateTimeOffset publishedAt, int readings) =>
        readings < ages.Count ? publishedAt + ages[readings] : null;

    /// <summary>Whether a reading is owed now, or only the first mark (set on publishing) must become the first age.</summary>
    public static bool IsOwed(IReadOnlyList<TimeSpan> ages, DateTimeOffset publishedAt, int readings, DateTimeOffset now) =>
        NextDue(ages, publishedAt, readings) is { } due && due <= now;
}
