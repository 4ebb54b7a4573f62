using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialPlanner.Core.Publishing;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>Issue #17 §3: a post's first comments (one for every platform, per-platform ones replacing it) and each
    /// publication's comment state, its own step after the post is published. The Worker's grants on both tables cover
    /// the new columns.</summary>
    public partial class FirstComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:Enum:comment_status", "none,pending,sending,published,failed")
                .Annotation("Npgsql:Enum:generation_type", "ideas,post_linkedin,post_instagram,variants")
                .Annotation("Npgsql:Enum:media_type", "image,video")
                .Annotation("Npgsql:Enum:post_platform", "linkedin,instagram,both")
                .Annotation("Npgsql:Enum:post_status", "draft,scheduled,published,failed")
                .Annotation("Npgsql:Enum:publication_status", "pending,claimed,sending,published,failed,cancelled")
                .Annotation("Npgsql:Enum:social_platform", "linkedin,instagram")
                .Annotation("Npgsql:Enum:template_category", "conseil,actualite,temoignage,etude_cas,promo,autre")
                .OldAnnotation("Npgsql:Enum:generation_type", "ideas,post_linkedin,post_instagram,variants")
                .OldAnnotation("Npgsql:Enum:media_type", "image,video")
                .OldAnnotation("Npgsql:Enum:post_platform", "linkedin,instagram,both")
                .OldAnnotation("Npgsql:Enum:post_status", "draft,scheduled,published,failed")
                .OldAnnotation("Npgsql:Enum:publication_status", "pending,claimed,sending,published,failed,cancelled")
                .OldAnnotation("Npgsql:Enum:social_platform", "linkedin,instagram")
                .OldAnnotation("Npgsql:Enum:template_category", "conseil,actualite,temoignage,etude_cas,promo,autre");

            migrationBuilder.AddColumn<string>(
                name: "first_comment",
                table: "posts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "first_comment_instagram",
                table: "posts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "first_comment_linkedin",
                table: "posts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "comment_attempts",
                table: "post_publications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "comment_due_at",
                table: "post_publications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "comment_error",
                table: "post_publications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "comment_external_id",
                table: "post_publications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<CommentStatus>(
                name: "comment_status",
                table: "post_publications",
                type: "comment_status",
                nullable: false,
                defaultValue: CommentStatus.None);

            migrationBuilder.CreateIndex(
                name: "ix_post_publications_comment_due",
                table: "post_publications",
                column: "comment_due_at",
                filter: "comment_status IN ('pending', 'sending')");

            migrationBuilder.AddCheckConstraint(
                name: "comment_attempts_not_negative",
                table: "post_publications",
                sql: "comment_attempts >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "failed_comments_have_error",
                table: "post_publications",
                sql: "comment_status <> 'failed' OR comment_error IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_publications_comment_due",
                table: "post_publications");

            migrationBuilder.DropCheckConstraint(
                name: "comment_attempts_not_negative",
                table: "post_publications");

            migrationBuilder.DropCheckConstraint(
                name: "failed_comments_have_error",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "first_comment",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "first_comment_instagram",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "first_comment_linkedin",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "comment_attempts",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "comment_due_at",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "comment_error",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "comment_external_id",
                table: "post_publications");

            migrationBuilder.DropColumn(
                name: "comment_status",
                table: "post_publications");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:Enum:generation_type", "ideas,post_linkedin,post_instagram,variants")
                .Annotation("Npgsql:Enum:media_type", "image,video")
                .Annotation("Npgsql:Enum:post_platform", "linkedin,instagram,both")
                .Annotation("Npgsql:Enum:post_status", "draft,scheduled,published,failed")
                .Annotation("Npgsql:Enum:publication_status", "pending,claimed,sending,published,failed,cancelled")
                .Annotation("Npgsql:Enum:social_platform", "linkedin,instagram")
                .Annotation("Npgsql:Enum:template_category", "conseil,actualite,temoignage,etude_cas,promo,autre")
                .OldAnnotation("Npgsql:Enum:comment_status", "none,pending,sending,published,failed")
                .OldAnnotation("Npgsql:Enum:generation_type", "ideas,post_linkedin,post_instagram,variants")
                .OldAnnotation("Npgsql:Enum:media_type", "image,video")
                .OldAnnotation("Npgsql:Enum:post_platform", "linkedin,instagram,both")
                .OldAnnotation("Npgsql:Enum:post_status", "draft,scheduled,published,failed")
                .OldAnnotation("Npgsql:Enum:publication_status", "pending,claimed,sending,published,failed,cancelled")
                .OldAnnotation("Npgsql:Enum:social_platform", "linkedin,instagram")
                .OldAnnotation("Npgsql:Enum:template_category", "conseil,actualite,temoignage,etude_cas,promo,autre");
        }
    }
}
