using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class SocialConnectionConfiguration : IEntityTypeConfiguration<SocialConnection>
{
    public void Configure(EntityTypeBuilder<SocialConnection> builder)
    {
        builder.ToTable("social_connections");
        builder.Property(c => c.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(c => c.ProfileId).HasMaxLength(255);
        builder.Property(c => c.ProfileName).HasMaxLength(255);
        builder.Property(c => c.ProfilePictureUrl).HasMaxLength(2048);
        builder.Property(c => c.Scopes).HasDefaultValueSql(Sql.EmptyArray);
        // The CLR default is true too; the sentinel keeps an explicit false from being mistaken for "unset".
        builder.Property(c => c.IsActive).HasDefaultValue(true).HasSentinel(true);
        builder.Property(c => c.ReconnectNeeded).HasDefaultValue(false);
        // The sweeper's "reconnect emails still owed" scan: only the few rows owing one are indexed.
        builder.HasIndex(c => c.NoticeDueAt).HasFilter("notice_due_at IS NOT NULL")
            .HasDatabaseName("ix_social_connections_notice_due");
        builder.Property(c => c.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.Property(c => c.UpdatedAt).IsSetByUpdateTrigger();
        builder.HasIndex(c => c.UserId).HasDatabaseName("idx_social_conn_user_id");
        builder.HasIndex(c => c.Platform).HasDatabaseName("idx_social_conn_platform");
        // One live account per platform; disconnected ones stay for history.
        builder.HasIndex(c => new { c.UserId, c.Platform }).IsUnique().HasFilter("is_active")
            .HasDatabaseName("idx_social_conn_user_platform");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
