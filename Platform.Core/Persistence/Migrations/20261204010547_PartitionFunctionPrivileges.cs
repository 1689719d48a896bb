using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Measurements;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartitionFunctionPrivileges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MonthPartitionFunctionSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MonthPartitionFunctionSql.Down);
        }
    }
}
