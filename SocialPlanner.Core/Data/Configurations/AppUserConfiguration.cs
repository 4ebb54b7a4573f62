using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;

namespace SocialPlanner.Core.Data.Configurations;

/// <summary>The spec's <c>users</c> table, carrying Identity's columns as well.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Id).HasDefaultValueSql(Sql.NewId);
        // The spec's email is NOT NULL UNIQUE; Identity only requires that of its normalized copy when told to.
        builder.Property(u => u.Email).IsRequired();
        builder.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ix_users_email");
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ix_users_normalized_email");
        builder.HasIndex(u => u.NormalizedUserName).IsUnique().HasDatabaseName("ix_users_normalized_user_name");
        builder.Property(u => u.TimeZone).HasColumnType("text").HasDefaultValue("UTC");
        builder.Property(u => u.Language).HasColumnType("text").HasDefaultValue("en");
        builder.HasIndex(u => u.CalendarFeedTokenHash).IsUnique().HasFilter("calendar_feed_token_hash IS NOT NULL")
            .HasDatabaseName("ix_users_calendar_feed_token_hash");
        builder.Property(u => u.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.Property(u => u.UpdatedAt).IsSetByUpdateTrigger();
    }
}
