using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>Issue #18: the private calendar feed's secret (its hash) on users, the metrics reading schedule on
    /// post_publications, and a connection's "metrics not available" note. The public feed request has no bearer:
    /// <c>calendar_feed_owner</c> (security definer, owner rights) turns a token hash into its user, and nothing
    /// else, so the Api's role still reads only that user's rows, under RLS, for the rest of the request.
    /// A trigger puts a publication on the reading schedule the moment it becomes published, whichever path
    /// publishes it (dispatcher, group commit, publish-now, reconciliation), so none of them needs to know; the
    /// collector turns that first mark into the configured first age. Publications already published get their
    /// first reading at once.</summary>
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "calendar_feed_created_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_feed_token_hash",
                table: "users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "insights_unavailable",
                table: "social_connections",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "metrics_due_at",
                table: "post_publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "metrics_readings",
                table: "post_publications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_users_calendar_feed_token_hash",
                table: "users",
                column: "calendar_feed_token_hash",
                unique: true,
                filter: "calendar_feed_token_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_post_publications_metrics_due",
                table: "post_publications",
                column: "metrics_due_at",
                filter: "metrics_due_at IS NOT NULL");

            migrationBuilder.Sql($"""
                CREATE FUNCTION calendar_feed_owner(feed_token_hash text) RETURNS uuid
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
                  $$ SELECT id FROM users WHERE calendar_feed_token_hash = feed_token_hash $$;
                REVOKE ALL ON FUNCTION calendar_feed_owner(text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION calendar_feed_owner(text) TO {DbRoles.App};
                CREATE FUNCTION schedule_first_metrics_reading() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.metrics_due_at = NEW.published_at;
                  RETURN NEW;
                END;
                $$;
                CREATE TRIGGER schedule_first_metrics_reading BEFORE UPDATE OF status ON post_publications
                  FOR EACH ROW WHEN (NEW.status = 'published' AND OLD.status <> 'published' AND NEW.metrics_readings = 0)
                  EXECUTE FUNCTION schedule_first_metrics_reading();
                UPDATE post_publications SET metrics_due_at = now() WHERE status = 'published' AND external_id IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER schedule_first_metrics_reading ON post_publications;
                DROP FUNCTION schedule_first_metrics_reading();
                DROP FUNCTION calendar_feed_owner(text);
                """);

            migrationBuilder.DropIndex(
                name: "ix_users_calendar_feed_token_hash",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_post_publications_metrics_due",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "calendar_feed_created_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "calendar_feed_token_hash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "insights_unavailable",
                table: "social_connections");

            migrationBuilder.DropColumn(
                name: "metrics_due_at",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "metrics_readings",
                table: "post_publications");
        }
    }
}
