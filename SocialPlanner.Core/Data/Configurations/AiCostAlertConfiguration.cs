using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Auth;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class AiCostAlertConfiguration : IEntityTypeConfiguration<AiCostAlert>
{
    public void Configure(EntityTypeBuilder<AiCostAlert> builder)
    {
        builder.ToTable("ai_cost_alerts");
        // The key is what makes an alert once per user and month: a second crossing's insert does nothing.
        builder.HasKey(a => new { a.UserId, a.Month });
        builder.Property(a => a.EstimatedCostUsd).HasPrecision(12, 4);
        builder.Property(a => a.CreatedAt).HasDefaultValueSql(Sql.Now);
        // The Worker's "mails still owed" scan (AiCostAlertEmails): only the few rows owing one are indexed.
        builder.HasIndex(a => a.NoticeDueAt).HasFilter("notice_due_at IS NOT NULL").HasDatabaseName("ix_ai_cost_alerts_notice_due");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_ai_cost_alerts_users_user_id");
    }
}
