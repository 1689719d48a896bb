using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <summary>
    /// Decoder scripts up to 1 MiB (<see cref="Platform.Core.Decoders.DecoderVersion.MaxScriptLength"/>): vendors'
    /// decoders for trackers run past the former 256 KiB. Widening a varchar rewrites nothing in PostgreSQL.
    /// </summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261207214000_DecoderScriptsUpToOneMebibyte")]
    public partial class DecoderScriptsUpToOneMebibyte : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "script",
                table: "decoder_versions",
                type: "character varying(1048576)",
                maxLength: 1048576,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(262144)",
                oldMaxLength: 262144,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Fails while a version holds a script over 256 KiB: such a version cannot be kept by the older schema.
            migrationBuilder.AlterColumn<string>(
                name: "script",
                table: "decoder_versions",
                type: "character varying(262144)",
                maxLength: 262144,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1048576)",
                oldMaxLength: 1048576,
                oldNullable: true);
        }
    }
}
