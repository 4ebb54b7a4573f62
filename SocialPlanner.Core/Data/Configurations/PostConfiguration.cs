using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts", t =>
        {
            t.HasCheckConstraint("rating_between_1_and_5", "rating BETWEEN 1 AND 5");
            t.HasCheckConstraint("scheduled_posts_have_date", "status <> 'scheduled' OR scheduled_at IS NOT NULL");
            t.HasCheckConstraint("published_posts_have_date", "status <> 'published' OR published_at IS NOT NULL");
            t.HasCheckConstraint("failed_posts_have_error", "status <> 'failed' OR error_message IS NOT NULL");
        });
        builder.Property(p => p.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(p => p.Hashtags).HasDefaultValueSql(Sql.EmptyArray);
        builder.Property(p => p.Status).HasDefaultValue(PostStatus.Draft);
        builder.Property(p => p.AiGenerated).HasDefaultValue(false);
        builder.Property(p => p.ErrorTexts).HasColumnType("jsonb");
        builder.Property(p => p.Metadata).HasColumnType("jsonb").HasDefaultValueSql(Sql.EmptyJson);
        builder.Property(p => p.CreatedAt).HasDefaultValueSql(Sql.Now);
        // A stale edit (PATCH with an old updated_at) fails with DbUpdateConcurrencyException: the API answers 409.
        builder.Property(p => p.UpdatedAt).IsSetByUpdateTrigger().IsConcurrencyToken();

        // Postgres computes it from the content; EF only ever reads it (see PostSearch).
        builder.Property<NpgsqlTsVector>(PostSearch.SearchVector)
            .HasComputedColumnSql(
                "to_tsvector('simple', coalesce(content, '')) || to_tsvector('english', coalesce(content, ''))"
                + " || to_tsvector('french', coalesce(content, ''))",
                stored: true);
        builder.HasIndex(PostSearch.SearchVector).HasMethod("gin").HasDatabaseName("idx_posts_search_vector");

        builder.HasIndex(p => p.UserId).HasDatabaseName("idx_posts_user_id");
        builder.HasIndex(p => p.Status).HasDatabaseName("idx_posts_status");
        builder.HasIndex(p => p.ScheduledAt).HasFilter("scheduled_at IS NOT NULL").HasDatabaseName("idx_posts_scheduled_at");
        builder.HasIndex(p => p.Platform).HasDatabaseName("idx_posts_platform");
        builder.HasIndex(p => p.CreatedAt).IsDescending().HasDatabaseName("idx_posts_created_at");
        // The posts list's page (newest first, keyset by created_at then id) read from the index, already in order:
        // without it Postgres sorts all of a user's posts for every page (docs/performance.md, a user with 3,000 posts).
        builder.HasIndex(p => new { p.UserId, p.CreatedAt, p.Id }).IsDescending(false, true, true)
            .HasDatabaseName("idx_posts_user_id_created_at");
        builder.HasIndex(p => p.Hashtags).HasMethod("gin").HasDatabaseName("idx_posts_hashtags");
        builder.HasIndex(p => p.TemplateId).HasDatabaseName("idx_posts_template_id");

        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Template).WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Media).WithOne(m => m.Post).HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Publications).WithOne(p => p.Post).HasForeignKey(p => p.PostId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
