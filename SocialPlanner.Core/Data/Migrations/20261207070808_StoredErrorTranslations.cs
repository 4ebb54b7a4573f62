using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>Why a publication (or its first comment) failed, in every language the app speaks, beside the English
    /// column: the Worker writes it for readers it does not know (issue #18). Old rows have none and read in English.</summary>
    public partial class StoredErrorTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "error_texts",
                table: "posts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "comment_error_texts",
                table: "post_publications",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error_texts",
                table: "post_publications",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "error_texts",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "comment_error_texts",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "error_texts",
                table: "post_publications");
        }
    }
}
