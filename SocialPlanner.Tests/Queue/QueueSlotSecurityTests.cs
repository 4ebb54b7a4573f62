using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Queue;

/// <summary>The posting schedule under row-level security, like every per-user table: one forgotten WHERE leaks nothing.</summary>
public sealed class QueueSlotSecurityTests(AppFixture app) : DataTest(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueueSlot Slot(Guid userId) =>
        new() { UserId = userId, Platform = SocialPlatform.Linkedin, Weekday = DayOfWeek.Tuesday, LocalTime = new TimeOnly(8, 30) };

    [Fact]
    public async Task A_user_never_sees_changes_or_writes_another_users_slots()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        var mine = AsUser(a);
        mine.QueueSlots.Add(Slot(a));
        await mine.SaveChangesAsync(Ct);

        var other = AsUser(b);
        Assert.Empty(await other.Database.SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM queue_slots").ToListAsync(Ct));
        Assert.Equal(0, await other.Database.ExecuteSqlAsync($"DELETE FROM queue_slots WHERE user_id = {a}", Ct));
        other.QueueSlots.Add(Slot(a));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync(() => other.SaveChangesAsync(Ct))).SqlState);
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM queue_slots WHERE user_id = $1", a));
    }

    [Fact]
    public async Task The_same_weekday_and_time_twice_for_one_network_is_refused_by_the_database()
    {
        var a = await CreateUserAsync();
        var db = AsUser(a);
        db.QueueSlots.Add(Slot(a));
        await db.SaveChangesAsync(Ct);
        var again = AsUser(a);
        again.QueueSlots.Add(Slot(a));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, (await RefusedAsync(() => again.SaveChangesAsync(Ct))).SqlState);
    }

    [Fact]
    public async Task The_worker_role_reads_the_pause_but_not_the_schedule()
    {
        var a = await CreateUserAsync();
        var worker = As(DbRole.Worker);
        Assert.Empty(await worker.Users.Where(u => u.Id == a && u.PublishingPausedAt != null).Select(u => u.Id).ToListAsync(Ct));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege,
            (await RefusedAsync(() => worker.QueueSlots.CountAsync(Ct))).SqlState);
    }
}
