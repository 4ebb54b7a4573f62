using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>The spec's "alert if monthly cost &gt; $10/user": one row per user and month, written by the Api (as
    /// the user, like their ai_generations rows) under the same row-level security as every user-owned table.</summary>
    public partial class AiCostAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_cost_alerts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    estimated_cost_usd = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    tokens_used = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_cost_alerts", x => new { x.user_id, x.month });
                    table.ForeignKey(
                        name: "fk_ai_cost_alerts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql($"""
                ALTER TABLE ai_cost_alerts ENABLE ROW LEVEL SECURITY;
                GRANT SELECT, INSERT ON ai_cost_alerts TO {DbRoles.App};
                CREATE POLICY app_own_rows ON ai_cost_alerts FOR ALL TO {DbRoles.App}
                  USING (user_id = app_current_user_id())
                  WITH CHECK (user_id = app_current_user_id());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_cost_alerts");
        }
    }
}
