using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Measurements;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SchemaQualifiedMonthPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SchemaQualifiedMonthPartitionSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SchemaQualifiedMonthPartitionSql.Down);
        }
    }
}
