using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Core.Data.Configurations;

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> builder)
    {
        builder.ToTable("templates", t =>
        {
            t.HasCheckConstraint("name_not_blank", "char_length(btrim(name)) > 0");
            t.HasCheckConstraint("usage_count_not_negative", "usage_count >= 0");
        });
        builder.Property(t => t.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hashtags).HasDefaultValueSql(Sql.EmptyArray);
        builder.Property(t => t.Variables).HasColumnType("jsonb").HasDefaultValueSql(Sql.EmptyJson);
        builder.Property(t => t.UsageCount).HasDefaultValue(0);
        builder.Property(t => t.CreatedAt).HasDefaultValueSql(Sql.Now);
        // A stale edit (PATCH with an old updated_at) fails with DbUpdateConcurrencyException: the API answers 409.
        builder.Property(t => t.UpdatedAt).IsSetByUpdateTrigger().IsConcurrencyToken();
        builder.HasIndex(t => t.UserId).HasDatabaseName("idx_templates_user_id");
        builder.HasIndex(t => t.Category).HasDatabaseName("idx_templates_category");
        builder.HasIndex(t => t.Platform).HasDatabaseName("idx_templates_platform");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
