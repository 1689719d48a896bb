using Npgsql;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Storage;

/// <summary>
/// <c>platform_ensure_month_partition</c> called as the services do, by their role (which may not
/// create tables itself): every month an uplink can have gets both tables' partitions, with
/// row-level security; months no uplink can have are refused and get none.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MonthPartitionFunctionTests(PlatformAppFixture fixture)
{
    private static readonly string[] Tables = ["raw_uplinks", "measurements"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AcceptedTimes() => UplinkMonths.AcceptedTimes();

    public static TheoryData<string> RefusedTimes() => UplinkMonths.RefusedTimes();

    [Theory]
    [MemberData(nameof(AcceptedTimes))]
    public async Task TheServicesRoleGetsBothPartitionsOfAnyMonthAnUplinkCanHave(string time)
    {
        var at = UplinkMonths.Parse(time);
        await using var connection = await OpenAsServicesAsync();

        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand("SELECT platform_ensure_month_partition(@table, @time)", connection);
            command.Parameters.AddWithValue("table", table);
            command.Parameters.AddWithValue("time", at);
            Assert.Equal(UplinkMonths.PartitionOf(table, at), await command.ExecuteScalarAsync(Ct));
        }

        foreach (var table in Tables)
        {
            var (exists, secured) = await PartitionAsync(connection, UplinkMonths.PartitionOf(table, at), table);
            Assert.True(exists, $"{UplinkMonths.PartitionOf(table, at)} is not a partition of public.{table}");
            Assert.True(secured, $"{UplinkMonths.PartitionOf(table, at)} lacks forced row-level security or its policy");
        }
    }

    [Theory]
    [MemberData(nameof(RefusedTimes))]
    public async Task AMonthNoUplinkCanHaveIsRefusedAndGetsNoPartition(string time)
    {
        var at = UplinkMonths.Parse(time);
        await using var connection = await OpenAsServicesAsync();

        await using var command = new NpgsqlCommand("SELECT platform_ensure_month_partition('raw_uplinks', @time)", connection);
        command.Parameters.AddWithValue("time", at);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, refused.SqlState);
        Assert.False((await PartitionAsync(connection, UplinkMonths.PartitionOf("raw_uplinks", at), "raw_uplinks")).Exists);
    }

    private async Task<NpgsqlConnection> OpenAsServicesAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<(bool Exists, bool Secured)> PartitionAsync(NpgsqlConnection connection, string name, string parent)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relrowsecurity AND c.relforcerowsecurity
                   AND EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_inherits i ON i.inhrelid = c.oid
            WHERE c.relname = @name::text AND i.inhparent = format('public.%I', @parent::text)::regclass
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("parent", parent);
        return await command.ExecuteScalarAsync(Ct) is bool secured ? (true, secured) : (false, false);
    }
}
