using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>The Worker writes the publishing emails in the user's language, so it reads that column too
    /// (it reads only the columns it needs of <c>users</c>).</summary>
    public partial class WorkerReadsUserLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"GRANT SELECT (language) ON users TO {DbRoles.Worker};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE SELECT (language) ON users FROM {DbRoles.Worker};");
        }
    }
}
