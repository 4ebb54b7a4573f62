using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("media", t =>
        {
            t.HasCheckConstraint("size_bytes_not_negative", "size_bytes >= 0");
            t.HasCheckConstraint("dimensions_positive", "(width IS NULL OR width > 0) AND (height IS NULL OR height > 0)");
            t.HasCheckConstraint("duration_not_negative", "duration IS NULL OR duration >= 0");
        });
        builder.Property(m => m.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(m => m.Filename).HasMaxLength(255);
        builder.Property(m => m.MimeType).HasMaxLength(100);
        builder.Property(m => m.Tags).HasDefaultValueSql(Sql.EmptyArray);
        builder.Property(m => m.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.Property(m => m.UpdatedAt).IsSetByUpdateTrigger();
        builder.HasIndex(m => m.StoragePath).IsUnique();
        builder.HasIndex(m => m.UserId).HasDatabaseName("idx_media_user_id");
        builder.HasIndex(m => m.Type).HasDatabaseName("idx_media_type");
        builder.HasIndex(m => m.Tags).HasMethod("gin").HasDatabaseName("idx_media_tags");
        builder.HasIndex(m => m.CreatedAt).IsDescending().HasDatabaseName("idx_media_created_at");
        // The library's page (newest first, keyset by created_at then id) read from the index, as the posts list's.
        builder.HasIndex(m => new { m.UserId, m.CreatedAt, m.Id }).IsDescending(false, true, true)
            .HasDatabaseName("idx_media_user_id_created_at");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
