using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdentityProvidersAndOidcSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "bound_tenant_id",
                table: "sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "external_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    subject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_sign_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_identities_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_external_identities_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "oidc_sign_in_attempts",
                columns: table => new
                {
                    state_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    redirect_uri = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    code_verifier = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    nonce = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    initiated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oidc_sign_in_attempts", x => x.state_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_bound_tenant_id",
                table: "sessions",
                column: "bound_tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_identities_provider_id_issuer_subject",
                table: "external_identities",
                columns: new[] { "provider_id", "issuer", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_identities_tenant_id",
                table: "external_identities",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_identities_user_id",
                table: "external_identities",
                column: "user_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_oidc_sign_in_attempts_expires_at",
                table: "oidc_sign_in_attempts",
                column: "expires_at");

            migrationBuilder.AddForeignKey(
                name: "fk_sessions_tenants_bound_tenant_id",
                table: "sessions",
                column: "bound_tenant_id",
                principalTable: "tenants",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.Sql(IdentityProviderSql.Up);
            migrationBuilder.Sql(ExternalIdentitySql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ExternalIdentitySql.Down);
            migrationBuilder.Sql(IdentityProviderSql.Down);

            migrationBuilder.DropForeignKey(
                name: "fk_sessions_tenants_bound_tenant_id",
                table: "sessions");

            migrationBuilder.DropTable(
                name: "external_identities");

            migrationBuilder.DropTable(
                name: "identity_providers");

            migrationBuilder.DropTable(
                name: "oidc_sign_in_attempts");

            migrationBuilder.DropIndex(
                name: "ix_sessions_bound_tenant_id",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "bound_tenant_id",
                table: "sessions");
        }
    }
}
