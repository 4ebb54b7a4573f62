using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialPlanner.Core.Social;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>The weekly posting schedule and the pause of issue #17. <c>queue_slots</c> belongs to one user like the
    /// tables of <see cref="RowLevelSecurity"/> and gets the same grant and policy (there are no default privileges).
    /// The Worker's claim reads <c>publishing_paused_at</c>, so it is granted that column.</summary>
    public partial class PostingQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "publishing_paused_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<SocialPlatform>(type: "social_platform", nullable: false),
                    weekday = table.Column<short>(type: "smallint", nullable: false),
                    local_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_slots", x => x.id);
                    table.CheckConstraint("weekday_in_week", "weekday BETWEEN 0 AND 6");
                    table.ForeignKey(
                        name: "fk_queue_slots_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_queue_slots_user_platform_weekday_time",
                table: "queue_slots",
                columns: new[] { "user_id", "platform", "weekday", "local_time" },
                unique: true);

            migrationBuilder.Sql($"""
                ALTER TABLE queue_slots ENABLE ROW LEVEL SECURITY;
                GRANT SELECT, INSERT, UPDATE, DELETE ON queue_slots TO {DbRoles.App};
                CREATE POLICY app_own_rows ON queue_slots FOR ALL TO {DbRoles.App}
                  USING (user_id = app_current_user_id())
                  WITH CHECK (user_id = app_current_user_id());
                GRANT SELECT (publishing_paused_at) ON users TO {DbRoles.Worker};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE SELECT (publishing_paused_at) ON users FROM {DbRoles.Worker};");

            migrationBuilder.DropTable(
                name: "queue_slots");

            migrationBuilder.DropColumn(
                name: "publishing_paused_at",
                table: "users");
        }
    }
}
