using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class PostMediaConfiguration : IEntityTypeConfiguration<PostMedia>
{
    public void Configure(EntityTypeBuilder<PostMedia> builder)
    {
        builder.ToTable("posts_media", t => t.HasCheckConstraint("order_not_negative", "\"order\" >= 0"));
        // The key's leading post_id also serves the spec's idx_posts_media_post_id lookups.
        builder.HasKey(pm => new { pm.PostId, pm.MediaId });
        builder.Property(pm => pm.Order).HasColumnName("order").HasDefaultValue(0);
        builder.Property(pm => pm.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.HasIndex(pm => pm.MediaId).HasDatabaseName("idx_posts_media_media_id");
        // A file still used by a post cannot disappear from under it.
        builder.HasOne(pm => pm.Media).WithMany().HasForeignKey(pm => pm.MediaId).OnDelete(DeleteBehavior.Restrict);
    }
}
