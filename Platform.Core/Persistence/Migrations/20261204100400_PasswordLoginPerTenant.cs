using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Identity.Providers;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PasswordLoginPerTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PasswordLoginSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PasswordLoginSql.Down);
        }
    }
}
