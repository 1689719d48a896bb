using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;

namespace Platform.Tests.Audit;

[Collection(PlatformAppCollection.Name)]
public sealed class AuditVerificationTests(PlatformAppFixture fixture)
{
    private const string OwnerConnectionName = "platformdb-owner";

    private readonly TestTenantSeeder _seeder = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantChainVerifiesUntilAStoredEventIsChanged()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        foreach (var name in new[] { "First", "Second", "Third" })
        {
            using var created = await tenant.AdminHttp.PostAsJsonAsync(tenant.Route("/organizations"), new { name }, Ct);
            created.EnsureSuccessStatusCode();
        }

        var intact = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/audit/verify"), Ct);
        var events = await tenant.AuditEventsAsync("organization.created");
        var tampered = events[1]!["id"]!.GetValue<Guid>();
        await TamperAsync(tampered);
        var broken = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route("/audit/verify"), Ct);

        Assert.True(intact!["valid"]!.GetValue<bool>());
        Assert.Equal(3, intact["checked"]!.GetValue<long>());
        Assert.False(broken!["valid"]!.GetValue<bool>());
        Assert.Equal(tampered, broken["firstBrokenId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task PlatformAdminReadsThePlatformLogAndEachReadIsAudited()
    {
        using var http = await _seeder.LoginAsPlatformAdminAsync();

        var page = await http.GetFromJsonAsync<JsonObject>("/api/admin/audit?limit=5", Ct);
        var reads = await http.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=admin.audit.read&limit=500", Ct);
        var verified = await http.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Ct);

        var newest = page!["items"]!.AsArray()[0]!;
        Assert.Equal("admin.audit.read", newest["action"]!.GetValue<string>());
        Assert.True(reads!["items"]!.AsArray().Count >= 2);
        Assert.All(reads["items"]!.AsArray(), item => Assert.Equal("admin.audit.read", item!["action"]!.GetValue<string>()));
        Assert.True(verified!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TenantAdminCannotReadThePlatformLog()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);

        using var list = await tenant.AdminHttp.GetAsync("/api/admin/audit", Ct);
        using var verify = await tenant.AdminHttp.GetAsync("/api/admin/audit/verify", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
    }

    // As the schema owner, the one role that could: the services' role holds no UPDATE on audit rows.
    // FORCE ROW LEVEL SECURITY binds the owner too and no policy allows UPDATE, so the owner adds one
    // for the length of its own transaction; no other session ever sees it.
    private async Task TamperAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(OwnerConnectionName));
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var scope = new NpgsqlCommand("""
            SELECT set_config('platform.scope', 'platform', true);
            CREATE POLICY test_tamper ON audit_events FOR UPDATE USING (true);
            """, connection, transaction))
        {
            await scope.ExecuteNonQueryAsync(Ct);
        }

        await using var update = new NpgsqlCommand("""
            UPDATE audit_events SET after = '{"name":"Forged"}' WHERE id = @id;
            DROP POLICY test_tamper ON audit_events;
            """, connection, transaction);
        update.Parameters.AddWithValue("id", eventId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
        await transaction.CommitAsync(Ct);
    }
}
