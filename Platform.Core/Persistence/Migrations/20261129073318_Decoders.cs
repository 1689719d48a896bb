using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Measurements;
using Platform.Core.Persistence.RowLevelSecurity;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Decoders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Partitioned, and columns added to a partitioned table: EF cannot declare them, so this part is SQL.
            migrationBuilder.Sql(MeasurementTables.Create);

            migrationBuilder.AlterColumn<string>(
                name: "tags",
                table: "devices",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb",
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AddColumn<Guid>(
                name: "decoder_id",
                table: "devices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "variables",
                table: "devices",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.CreateTable(
                name: "decoders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    active_version = table.Column<int>(type: "integer", nullable: true),
                    latest_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decoders", x => x.id);
                    table.ForeignKey(
                        name: "fk_decoders_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_latest",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_f_cnt = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    data_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_latest", x => new { x.tenant_id, x.device_id });
                    table.ForeignKey(
                        name: "fk_device_latest_devices_tenant_id_device_id",
                        columns: x => new { x.tenant_id, x.device_id },
                        principalTable: "devices",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "redecode_jobs",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decoder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    range_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    range_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    device_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: true),
                    processed = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    cursor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_redecode_jobs", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_redecode_jobs_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decoder_versions",
                columns: table => new
                {
                    decoder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    codec = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    script = table.Column<string>(type: "character varying(262144)", maxLength: 262144, nullable: true),
                    vectors = table.Column<string>(type: "jsonb", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decoder_versions", x => new { x.decoder_id, x.version });
                    table.UniqueConstraint("ak_decoder_versions_id", x => x.id);
                    table.ForeignKey(
                        name: "fk_decoder_versions_decoders_decoder_id",
                        column: x => x.decoder_id,
                        principalTable: "decoders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_devices_decoder_id",
                table: "devices",
                column: "decoder_id");

            migrationBuilder.CreateIndex(
                name: "ix_decoder_versions_tenant_id",
                table: "decoder_versions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_decoders_tenant_id_name",
                table: "decoders",
                columns: new[] { "tenant_id", "name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_redecode_jobs_status_created_at",
                table: "redecode_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_redecode_jobs_tenant_id_decoder_id_created_at",
                table: "redecode_jobs",
                columns: new[] { "tenant_id", "decoder_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_devices_decoders_decoder_id",
                table: "devices",
                column: "decoder_id",
                principalTable: "decoders",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql(RowLevelSecurityPolicies.WithPlatformLibrary("decoders"));
            migrationBuilder.Sql(RowLevelSecurityPolicies.WithPlatformLibrary("decoder_versions"));
            migrationBuilder.Sql(RowLevelSecurityPolicies.TenantIsolation("redecode_jobs"));
            migrationBuilder.Sql(RowLevelSecurityPolicies.TenantIsolation("device_latest"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_devices_decoders_decoder_id",
                table: "devices");

            migrationBuilder.DropTable(
                name: "decoder_versions");

            migrationBuilder.DropTable(
                name: "device_latest");

            migrationBuilder.Sql(MeasurementTables.Drop);

            migrationBuilder.DropTable(
                name: "redecode_jobs");

            migrationBuilder.DropTable(
                name: "decoders");

            migrationBuilder.DropIndex(
                name: "ix_devices_decoder_id",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "decoder_id",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "variables",
                table: "devices");

            migrationBuilder.AlterColumn<string>(
                name: "tags",
                table: "devices",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'{}'::jsonb");
        }
    }
}
