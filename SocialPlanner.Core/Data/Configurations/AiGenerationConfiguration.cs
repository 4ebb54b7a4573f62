using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Auth;

namespace SocialPlanner.Core.Data.Configurations;

/// <summary>The monthly-quota index idx_ai_gen_user_month is an expression index EF cannot model; the
/// Initial migration creates it in SQL.</summary>
internal sealed class AiGenerationConfiguration : IEntityTypeConfiguration<AiGeneration>
{
    public void Configure(EntityTypeBuilder<AiGeneration> builder)
    {
        builder.ToTable("ai_generations", t =>
        {
            t.HasCheckConstraint("tokens_used_not_negative", "tokens_used >= 0");
            t.HasCheckConstraint("duration_ms_not_negative", "duration_ms >= 0");
        });
        builder.Property(g => g.Id).HasDefaultValueSql(Sql.NewId);
        builder.Property(g => g.Model).HasMaxLength(50);
        // The CLR default is true too; the sentinel keeps an explicit false from being mistaken for "unset".
        builder.Property(g => g.Success).HasDefaultValue(true).HasSentinel(true);
        builder.Property(g => g.CreatedAt).HasDefaultValueSql(Sql.Now);
        builder.HasIndex(g => g.UserId).HasDatabaseName("idx_ai_gen_user_id");
        builder.HasIndex(g => g.Type).HasDatabaseName("idx_ai_gen_type");
        builder.HasIndex(g => g.CreatedAt).IsDescending().HasDatabaseName("idx_ai_gen_created_at");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_ai_generations_users_user_id");
    }
}
