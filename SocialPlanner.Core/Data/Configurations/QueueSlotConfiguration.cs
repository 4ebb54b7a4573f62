using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Queue;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class QueueSlotConfiguration : IEntityTypeConfiguration<QueueSlot>
{
    public void Configure(EntityTypeBuilder<QueueSlot> builder)
    {
        builder.ToTable("queue_slots", t => t.HasCheckConstraint("weekday_in_week", "weekday BETWEEN 0 AND 6"));
        builder.Property(s => s.Id).HasDefaultValueSql(Sql.NewId);
        // .NET's DayOfWeek numbering: 0 = Sunday … 6 = Saturday.
        builder.Property(s => s.Weekday).HasConversion<short>();
        builder.Property(s => s.LocalTime).HasColumnType("time without time zone");
        builder.Property(s => s.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.HasIndex(s => new { s.UserId, s.Platform, s.Weekday, s.LocalTime }).IsUnique()
            .HasDatabaseName("ux_queue_slots_user_platform_weekday_time");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
