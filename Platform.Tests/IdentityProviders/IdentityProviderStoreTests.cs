using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using static Platform.Tests.IdentityProviders.IdentityProviderFixtures;

namespace Platform.Tests.IdentityProviders;

/// <summary>
/// The lookups before any tenant is known, as the services' role on the real database: through the
/// SECURITY DEFINER functions, settings only, and row-level security left as it was.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class IdentityProviderStoreTests(PlatformAppFixture fixture)
{
    private readonly IdentityProviderFixtures _providers = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIssuerSharedByTwoTenantsFindsBothProvidersAndAnIdFindsOne()
    {
        var (tenantA, _, asAdminA) = await _providers.TenantWithAdminAsync();
        var (tenantB, _, asAdminB) = await _providers.TenantWithAdminAsync();
        var directory = Guid.NewGuid();
        var issuer = $"http://127.0.0.1:9/{directory}/v2.0";
        var body = Body(issuer);
        body["kind"] = "EntraId";
        var (reference, _) = _providers.NewSecretFile(tenantA);
        var inA = (await CreateAsync(asAdminA, tenantA, new(body) { ["clientSecretReference"] = reference }))["id"]!.GetValue<Guid>();
        var inB = (await CreateAsync(asAdminB, tenantB, body))["id"]!.GetValue<Guid>();
        await using var database = await DatabaseAsync();
        var store = new TenantIdentityProviderStore(database);

        var shared = await store.FindByIssuerAsync(issuer, Ct);
        var byId = await store.FindByIdAsync(inA, Ct);

        Assert.Equal([(inA, tenantA), (inB, tenantB)],
            shared.Select(provider => (provider.Id, provider.TenantId!.Value)).OrderBy(pair => pair.Item1 == inA ? 0 : 1));
        Assert.All(shared, provider => Assert.Equal(
            (IdentityProviderKind.EntraId, directory.ToString(), IdentityProviderState.Configured, "platform", "urn:platform:api"),
            (provider.Kind, provider.EntraDirectoryId, provider.State, provider.ClientId, provider.Audience)));
        Assert.Equal(new OidcProviderSettings(inA, tenantA, IdentityProviderKind.EntraId, issuer, "platform", reference, "urn:platform:api",
            IdentityProviderState.Configured, directory.ToString()), byId);
        // Exact issuers only: a trailing slash is another issuer.
        Assert.Empty(await store.FindByIssuerAsync(issuer + "/", Ct));
        Assert.Null(await store.FindByIdAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task AfterALookupTheSessionSeesNoProviderRowsDirectly()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var issuer = NewIssuer();
        await CreateAsync(asAdmin, tenant, Body(issuer));
        await using var connection = await OpenAsync();

        var found = await ScalarAsync<long>(connection, "SELECT count(*) FROM platform_identity_providers_by_issuer(@issuer)", issuer);
        var visible = await ScalarAsync<long>(connection, "SELECT count(*) FROM identity_providers", null);
        var scope = await ScalarAsync<string>(connection, "SELECT coalesce(current_setting('platform.scope', true), '')", null);

        Assert.Equal(1L, found);
        Assert.Equal(0L, visible);
        Assert.Equal(string.Empty, scope);
    }

    private async Task<PlatformDbContext> DatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName))
            .UsePlatformConventions()
            .Options;
        return new PlatformDbContext(options, new DataScope());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? argument)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (argument is not null)
        {
            command.Parameters.AddWithValue("issuer", argument);
        }

        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
