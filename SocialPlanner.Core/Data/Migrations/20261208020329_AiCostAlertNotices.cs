using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>The operator's cost-alert mail is owed by its row (notice_due_at) and sent by the Worker, which may
    /// read every user's alerts and settle their mail, nothing else, like the other notices it owes.</summary>
    public partial class AiCostAlertNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notice_due_at",
                table: "ai_cost_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ai_cost_alerts_notice_due",
                table: "ai_cost_alerts",
                column: "notice_due_at",
                filter: "notice_due_at IS NOT NULL");

            migrationBuilder.Sql($"""
                GRANT SELECT, UPDATE (notice_due_at) ON ai_cost_alerts TO {DbRoles.Worker};
                CREATE POLICY worker_read_all ON ai_cost_alerts FOR SELECT TO {DbRoles.Worker} USING (true);
                CREATE POLICY worker_update_all ON ai_cost_alerts FOR UPDATE TO {DbRoles.Worker} USING (true) WITH CHECK (true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP POLICY IF EXISTS worker_update_all ON ai_cost_alerts;
                DROP POLICY IF EXISTS worker_read_all ON ai_cost_alerts;
                REVOKE ALL ON ai_cost_alerts FROM {DbRoles.Worker};
                """);

            migrationBuilder.DropIndex(
                name: "ix_ai_cost_alerts_notice_due",
                table: "ai_cost_alerts");

            migrationBuilder.DropColumn(
                name: "notice_due_at",
                table: "ai_cost_alerts");
        }
    }
}
