namespace SocialPlanner.Core.Data;

public static class DbTime
{
    /// <summary>Now, at the precision Postgres stores (microseconds, UTC), so a timestamp we return equals the one
    /// we read back later — optimistic locking compares them.</summary>
    public static DateTimeOffset GetDbNow(this TimeProvider clock) => clock.GetUtcNow().ToDbPrecision();

    public static DateTimeOffset ToDbPrecision(this DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);
}
