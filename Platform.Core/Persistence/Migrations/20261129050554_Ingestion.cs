using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Ingestion;
using Platform.Core.Persistence.RowLevelSecurity;
using Platform.Core.Uplinks;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ingestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Partitioned: EF cannot declare it, so the table (and its partition function) is SQL.
            migrationBuilder.Sql(RawUplinkTable.Create);

            migrationBuilder.CreateTable(
                name: "rejected_uplinks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    topic = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    message = table.Column<byte[]>(type: "bytea", nullable: false),
                    message_size = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    replayed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejected_uplinks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_devices_dev_eui",
                table: "devices",
                column: "dev_eui");

            migrationBuilder.CreateIndex(
                name: "ix_rejected_uplinks_tenant_id_received_at_id",
                table: "rejected_uplinks",
                columns: new[] { "tenant_id", "received_at", "id" });

            migrationBuilder.Sql(RowLevelSecurityPolicies.RejectedUplinks);
            migrationBuilder.Sql(DeviceRouteFunction.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DeviceRouteFunction.Drop);
            migrationBuilder.Sql(RawUplinkTable.Drop);

            migrationBuilder.DropTable(
                name: "rejected_uplinks");

            migrationBuilder.DropIndex(
                name: "ix_devices_dev_eui",
                table: "devices");
        }
    }
}
