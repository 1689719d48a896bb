using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Uplinks;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StorageFailedRejections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RejectedMessageFormatSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RejectedMessageFormatSql.Down);
        }
    }
}
