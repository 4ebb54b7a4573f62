using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FailureNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notice_due_at",
                table: "post_publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_publications_notice_due",
                table: "post_publications",
                column: "notice_due_at",
                filter: "notice_due_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_publications_notice_due",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "notice_due_at",
                table: "post_publications");
        }
    }
}
