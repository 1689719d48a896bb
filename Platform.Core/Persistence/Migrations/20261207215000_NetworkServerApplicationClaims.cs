using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Devices.Claims;

#nullable disable

namespace Platform.Core.Persistence.Migrations
{
    /// <summary>One tenant per network-server application (<see cref="ApplicationClaimSql"/>); outside the EF model.</summary>
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261207215000_NetworkServerApplicationClaims")]
    public partial class NetworkServerApplicationClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ApplicationClaimSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ApplicationClaimSql.Down);
        }
    }
}
