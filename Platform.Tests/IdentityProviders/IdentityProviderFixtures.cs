using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.IdentityProviders;

/// <summary>
/// What the provider tests share: a tenant with a logged-in admin, provider bodies with a fresh
/// issuer each, client secrets generated per test and put where the stack's API reads them, and
/// reads of the database in platform scope.
/// </summary>
internal sealed class IdentityProviderFixtures(PlatformAppFixture fixture)
{
    public TestTenantSeeder Seeder { get; } = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(Guid Tenant, SeededUser Admin, HttpClient AsAdmin)> TenantWithAdminAsync()
    {
        var tenant = await Seeder.CreateTenantAsync();
        var admin = await Seeder.CreateUserAsync(tenant, TenantRole.Admin);
        return (tenant, admin, await Seeder.LoginAsync(admin));
    }

    /// <summary>
    /// An issuer on a loopback host that no other test uses (nothing listens there: the API does not
    /// call it here), allowed by the stack's configuration (<see cref="PlatformAppFixture.DeadIssuerOrigin"/>).
    /// </summary>
    public static string NewIssuer() => $"{PlatformAppFixture.DeadIssuerOrigin}/realms/{Guid.NewGuid():N}";

    /// <summary>A client secret generated for this test, as a file the stack's API may read for the tenant; and its reference.</summary>
    public (string Reference, string Value) NewSecretFile(Guid tenant)
    {
        var directory = Path.Combine(fixture.IdentityProviderSecretDirectory, tenant.ToString());
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "client-" + Guid.NewGuid().ToString("N")[..8]);
        var value = "cs-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        File.WriteAllText(path, value + "\n");
        return ("file:" + path, value);
    }

    public static Dictionary<string, object?> Body(string? issuer = null, string? secretReference = null) => new()
    {
        ["name"] = "SSO " + Guid.NewGuid().ToString("N")[..6],
        ["kind"] = "Oidc",
        ["issuer"] = issuer ?? NewIssuer(),
        ["clientId"] = "platform",
        ["clientSecretReference"] = secretReference,
        ["audience"] = "urn:platform:api",
    };

    public static async Task<JsonObject> CreateAsync(HttpClient admin, Guid tenant, Dictionary<string, object?>? body = null)
    {
        using var response = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/identity-providers", body ?? Body(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    /// <summary>What a successful test sign-in does (the sign-in flow is not part of these tests).</summary>
    public Task MarkTestedAsync(Guid providerId) => Seeder.ExecuteAsync(
        "UPDATE identity_providers SET state = 'Tested', tested_at = now() WHERE id = @id AND state = 'Configured'", ("id", providerId));

    /// <summary>Created, tested, enabled and enforced through the API with the admin as break-glass.</summary>
    public async Task<Guid> EnforcedProviderAsync(Guid tenant, SeededUser breakGlass, HttpClient asAdmin)
    {
        var provider = (await CreateAsync(asAdmin, tenant))["id"]!.GetValue<Guid>();
        await MarkTestedAsync(provider);
        using var enabled = await asAdmin.PostAsync($"/api/tenants/{tenant}/identity-providers/{provider}/enable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        using var enforced = await asAdmin.PostAsJsonAsync($"/api/tenants/{tenant}/identity-providers/{provider}/enforce",
            new { breakGlassUserId = breakGlass.Id }, Ct);
        Assert.Equal(HttpStatusCode.OK, enforced.StatusCode);
        return provider;
    }

    /// <summary>An enforced provider of the tenant, written straight to the table (its sign-in is not used), with this break-glass admin.</summary>
    public static Task InsertEnforcedAsync(TestTenantSeeder seeder, Guid tenant, Guid breakGlass) => seeder.ExecuteAsync("""
        INSERT INTO identity_providers (tenant_id, id, name, kind, issuer, client_id, audience, allowed_email_domains, jit_enabled,
                                        default_role, mapping_rules, state, break_glass_user_id, created_at, updated_at)
        VALUES (@tenant, @id, 'Enforced provider', 'Oidc', @issuer, 'platform', 'urn:platform:api',
                '{}', false, 'Viewer', '[]'::jsonb, 'Enforced', @breakGlass, now(), now())
        """, ("tenant", tenant), ("id", Guid.CreateVersion7()), ("issuer", NewIssuer()), ("breakGlass", breakGlass));

    /// <summary>A count over any table, in platform scope (past row-level security, as an operator would look).</summary>
    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Seeder.ScalarAsync<long>(sql, parameters);

    public static async Task<string?> ProblemTypeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))?["type"]?.GetValue<string>();
}
