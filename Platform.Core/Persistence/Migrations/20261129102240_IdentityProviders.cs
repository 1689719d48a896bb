using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Identity.Providers;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdentityProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_providers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    entra_directory_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_secret_reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    audience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    allowed_email_domains = table.Column<string[]>(type: "text[]", nullable: false),
                    jit_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    default_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mapping_rules = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    break_glass_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_providers", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_identity_providers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_identity_providers_users_break_glass_user_id",
                        column: x => x.break_glass_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_providers_break_glass_user_id",
                table: "identity_providers",
                column: "break_glass_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_providers_id",
                table: "identity_providers",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_providers_issuer",
                table: "identity_providers",
                column: "issuer");

            migrationBuilder.CreateIndex(
                name: "ix_identity_providers_tenant_id_issuer",
                table: "identity_providers",
                columns: new[] { "tenant_id", "issuer" },
                unique: true);

            migrationBuilder.Sql(IdentityProviderSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IdentityProviderSql.Down);

            migrationBuilder.DropTable(
                name: "identity_providers");
        }
    }
}
