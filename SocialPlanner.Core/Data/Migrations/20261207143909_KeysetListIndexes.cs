using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeysetListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_posts_user_id_created_at",
                table: "posts",
                columns: new[] { "user_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "idx_media_user_id_created_at",
                table: "media",
                columns: new[] { "user_id", "created_at", "id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_posts_user_id_created_at",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "idx_media_user_id_created_at",
                table: "media");
        }
    }
}
