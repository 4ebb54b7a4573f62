using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>Which publishing emails each user wants (issue #16 §7). Existing accounts keep getting both, as before.
    /// The Worker reads users column by column (no password hashes), so it is granted these two as well.</summary>
    public partial class NotificationChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "notify_publication_failed",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "notify_reconnect_needed",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.Sql(
                $"GRANT SELECT (notify_publication_failed, notify_reconnect_needed) ON users TO {DbRoles.Worker};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                $"REVOKE SELECT (notify_publication_failed, notify_reconnect_needed) ON users FROM {DbRoles.Worker};");

            migrationBuilder.DropColumn(
                name: "notify_publication_failed",
                table: "users");

            migrationBuilder.DropColumn(
                name: "notify_reconnect_needed",
                table: "users");
        }
    }
}
