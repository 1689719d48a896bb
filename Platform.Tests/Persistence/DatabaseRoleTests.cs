using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Persistence;

[Collection(PlatformAppCollection.Name)]
public sealed class DatabaseRoleTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task ServicesRoleIsNeitherOwnerNorPrivileged()
    {
        await using var connection = await OpenAsync(PersistenceExtensions.ConnectionName);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                   (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal("platform_app", reader.GetString(0));
        Assert.False(reader.GetBoolean(1), "superuser");
        Assert.False(reader.GetBoolean(2), "bypasses row-level security");
        Assert.False(reader.GetBoolean(3), "may create roles");
        Assert.False(reader.GetBoolean(4), "may create databases");
        Assert.Equal(0L, reader.GetInt64(5));
    }

    [Theory]
    [InlineData("ALTER TABLE tenants ADD COLUMN intruder integer")]
    [InlineData("DROP TABLE tenants")]
    [InlineData("TRUNCATE tenants")]
    [InlineData("CREATE TABLE intruder (id integer)")]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\"")]
    public async Task ServicesRoleCannotChangeTheSchema(string statement)
    {
        await using var connection = await OpenAsync(PersistenceExtensions.ConnectionName);
        await using var command = new NpgsqlCommand(statement, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task EveryMigrationWasAppliedBeforeTheServicesStarted()
    {
        var expected = typeof(PlatformDbContext).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

        await using var connection = await OpenAsync(PersistenceExtensions.ConnectionName);
        await using var command = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id", connection);
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);
    }

    private async Task<NpgsqlConnection> OpenAsync(string connectionName)
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(connectionName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
