using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialPlanner.Core.Data.Migrations
{
    /// <summary>post_publications' row version is Postgres's own <c>xmin</c> system column: the model maps it, the
    /// table needs nothing. EF's generator emits an AddColumn for it (npgsql/efcore.pg#3854), which Postgres refuses
    /// ("column "xmin" conflicts with a system column name"), so this migration only records the model change.</summary>
    public partial class PublicationRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
