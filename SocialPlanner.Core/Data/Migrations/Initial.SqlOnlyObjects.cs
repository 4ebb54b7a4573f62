using Microsoft.EntityFrameworkCore.Migrations;

namespace SocialPlanner.Core.Data.Migrations;

/// <summary>What the EF model cannot express: the spec's updated_at trigger and the monthly-quota expression index.</summary>
public partial class Initial
{
    private static readonly string[] TablesWithUpdatedAt =
        ["users", "posts", "templates", "media", "social_connections", "post_publications"];

    private static void CreateSqlOnlyObjects(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.updated_at = now();
              RETURN NEW;
            END;
            $$;
            """);
        foreach (var table in TablesWithUpdatedAt)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER update_{table}_updated_at BEFORE UPDATE ON {table}
                  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
                """);
        }

        // date_trunc on timestamptz depends on the session time zone, so it is not immutable and cannot be
        // indexed; the UTC form can. Quota queries must use the same expression to hit the index.
        migrationBuilder.Sql("""
            CREATE INDEX idx_ai_gen_user_month
              ON ai_generations (user_id, date_trunc('month', created_at AT TIME ZONE 'UTC'));
            """);
    }

    private static void DropSqlOnlyObjects(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX idx_ai_gen_user_month;");
        foreach (var table in TablesWithUpdatedAt)
        {
            migrationBuilder.Sql($"DROP TRIGGER update_{table}_updated_at ON {table};");
        }

        migrationBuilder.Sql("DROP FUNCTION update_updated_at_column();");
    }
}
