using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReconnectNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notice_due_at",
                table: "social_connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_social_connections_notice_due",
                table: "social_connections",
                column: "notice_due_at",
                filter: "notice_due_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_social_connections_notice_due",
                table: "social_connections");

            migrationBuilder.DropColumn(
                name: "notice_due_at",
                table: "social_connections");
        }
    }
}
