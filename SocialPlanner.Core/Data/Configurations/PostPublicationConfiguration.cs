using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Publishing;

namespace SocialPlanner.Core.Data.Configurations;

/// <summary>One row per (post, platform): the source of truth for that publication and the dispatcher's queue.</summary>
internal sealed class PostPublicationConfiguration : IEntityTypeConfiguration<PostPublication>
{
    public const string RowVersion = "Version";

    public void Configure(EntityTypeBuilder<PostPublication> builder)
    {
        builder.ToTable("post_publications", t =>
        {
            t.HasCheckConstraint("attempts_not_negative", "attempts >= 0");
            t.HasCheckConstraint("published_publications_have_date", "status <> 'published' OR published_at IS NOT NULL");
            t.HasCheckConstraint("failed_publications_have_error", "status <> 'failed' OR error_message IS NOT NULL");
            t.HasCheckConstraint("failed_comments_have_error", "comment_status <> 'failed' OR comment_error IS NOT NULL");
            t.HasCheckConstraint("comment_attempts_not_negative", "comment_attempts >= 0");
        });
        builder.Property(p => p.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(p => p.Status).HasDefaultValue(PublicationStatus.Pending);
        builder.Property(p => p.ErrorTexts).HasColumnType("jsonb");
        builder.Property(p => p.CommentErrorTexts).HasColumnType("jsonb");
        builder.Property(p => p.Attempts).HasDefaultValue(0);
        builder.Property(p => p.CommentStatus).HasDefaultValue(CommentStatus.None);
        builder.Property(p => p.CommentAttempts).HasDefaultValue(0);
        builder.Property(p => p.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.Property(p => p.UpdatedAt).IsSetByUpdateTrigger();
        // Postgres's xmin (no column of ours): the scheduler's save of a row it loaded fails if a Worker changed the row
        // since, e.g. marked it "sending" between the Api's read and its write, instead of re-arming a post that is
        // already going out (a second send) or cancelling one that will be live (docs/queue.md).
        builder.Property<uint>(RowVersion).IsRowVersion();
        builder.HasIndex(p => new { p.PostId, p.Platform }).IsUnique().HasDatabaseName("ix_post_publications_post_platform");
        builder.HasIndex(p => p.UserId).HasDatabaseName("ix_post_publications_user_id");
        // The dispatcher's count of a member's LinkedIn posts of the last day (their daily limit), read with each
        // claimed batch's connections: an index-only range per user.
        builder.HasIndex(p => new { p.UserId, p.PublishedAt }).HasFilter("platform = 'linkedin' AND status = 'published'")
            .HasDatabaseName("ix_post_publications_linkedin_day");
        // The dispatcher's "what is due next" scan touches only live rows, so the index stays small.
        builder.HasIndex(p => p.DueAt).HasFilter("status IN ('pending', 'claimed', 'sending')")
            .HasDatabaseName("ix_post_publications_due");
        // The sweeper's "failure emails still owed" scan: only the few rows owing one are indexed.
        builder.HasIndex(p => p.NoticeDueAt).HasFilter("notice_due_at IS NOT NULL")
            .HasDatabaseName("ix_post_publications_notice_due");
        // The comment step's scan: only rows still owing a comment are indexed.
        builder.HasIndex(p => p.CommentDueAt).HasFilter("comment_status IN ('pending', 'sending')")
            .HasDatabaseName("ix_post_publications_comment_due");
        builder.Property(p => p.MetricsReadings).HasDefaultValue(0);
        // The metrics collector's "readings owed" scan: only published rows still on their reading schedule.
        builder.HasIndex(p => p.MetricsDueAt).HasFilter("metrics_due_at IS NOT NULL")
            .HasDatabaseName("ix_post_publications_metrics_due");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
