using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialPlanner.Core.Data.Configurations;

internal static class UpdatedAtConfiguration
{
    /// <summary>The update_updated_at_column trigger sets updated_at on every UPDATE, whoever writes; EF never
    /// writes it and reads it back after each save, so an entity always carries the version a client must echo
    /// for optimistic locking.</summary>
    public static PropertyBuilder<DateTimeOffset> IsSetByUpdateTrigger(this PropertyBuilder<DateTimeOffset> updatedAt) =>
        updatedAt.HasDefaultValueSql(Sql.Now).ValueGeneratedOnAddOrUpdate();
}
