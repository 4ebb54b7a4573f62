using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkedInDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_post_publications_linkedin_day",
                table: "post_publications",
                columns: new[] { "user_id", "published_at" },
                filter: "platform = 'linkedin' AND status = 'published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_publications_linkedin_day",
                table: "post_publications");
        }
    }
}
