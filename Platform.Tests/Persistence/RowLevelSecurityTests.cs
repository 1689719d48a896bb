using Npgsql;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Persistence;

/// <summary>Raw SQL as the services' role: the database itself keeps tenants apart.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class RowLevelSecurityTests(PlatformAppFixture fixture) : IAsyncLifetime
{
    private readonly Guid _tenantA = Guid.NewGuid();
    private readonly Guid _tenantB = Guid.NewGuid();
    private const string EmptyJson = "{}";
    private readonly Guid _user = Guid.NewGuid();
    private readonly Dictionary<Guid, string> _apiTokens = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Seeded through the platform scope, the explicit path for cross-tenant work.
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "SELECT set_config('platform.scope', 'platform', false)");
        await ExecuteAsync(connection, $"""
            INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at)
                VALUES ('{_user}', 'rls-{_user:N}@example.com', 'RLS test', 'None', 0, now());
            """);
        foreach (var tenant in new[] { _tenantA, _tenantB })
        {
            var organization = Guid.NewGuid();
            var device = Guid.NewGuid();
            var serviceAccount = Guid.NewGuid();
            _apiTokens[tenant] = Guid.NewGuid().ToString("N");
            await ExecuteAsync(connection, $"""
                INSERT INTO tenants (id, slug, name, status, created_at) VALUES ('{tenant}', 't-{tenant:N}', 'Tenant', 'Active', now());
                INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES ('{tenant}', '{_user}', 'Viewer', now());
                INSERT INTO users (id, email, display_name, platform_role, failed_login_count, created_at, kind)
                    VALUES ('{serviceAccount}', '{serviceAccount:N}@service-accounts.invalid', 'RLS robot', 'None', 0, now(), 'ServiceAccount');
                INSERT INTO service_accounts (tenant_id, id, description, created_at, updated_at)
                    VALUES ('{tenant}', '{serviceAccount}', 'RLS', now(), now());
                INSERT INTO organizations (tenant_id, id, name, created_at) VALUES ('{tenant}', '{organization}', 'Org', now());
                INSERT INTO organization_grants (tenant_id, organization_id, user_id, access, can_export, created_at)
                    VALUES ('{tenant}', '{organization}', '{_user}', 'Viewer', false, now());
                INSERT INTO devices (tenant_id, id, dev_eui, name, organization_id, network_server_kind, network_server_application_id, tags, created_at)
                    VALUES ('{tenant}', '{device}', '{Random.Shared.NextInt64():x16}', 'Device', '{organization}', 'ChirpStack', '{Guid.NewGuid()}', '{EmptyJson}', now());
                INSERT INTO device_grants (tenant_id, device_id, user_id, access, created_at) VALUES ('{tenant}', '{device}', '{_user}', 'Read', now());
                INSERT INTO network_server_application_claims (network_server_kind, application_key, application_id, tenant_id)
                    VALUES ('TheThingsStack', 'RLS-{tenant:N}', 'rls-{tenant:N}', '{tenant}');
                INSERT INTO api_tokens (tenant_id, id, token_hash, owner_user_id, name, scopes, created_at, expires_at)
                    VALUES ('{tenant}', '{_apiTokens[tenant]}', sha256(gen_random_uuid()::text::bytea), '{_user}', 'RLS token', '{EmptyArray}', now(), now() + interval '1 day');
                INSERT INTO identity_providers (tenant_id, id, name, kind, issuer, client_id, audience, allowed_email_domains, jit_enabled,
                                                default_role, mapping_rules, state, created_at, updated_at)
                    VALUES ('{tenant}', gen_random_uuid(), 'SSO', 'Oidc', 'https://idp.example.com/{tenant:N}', 'client', 'api', '{EmptyArray}', false,
                            'Member', '[]', 'Configured', now(), now());
                INSERT INTO audit_events (id, tenant_id, occurred_at, actor_type, action, outcome, previous_hash, hash)
                    VALUES (gen_random_uuid(), '{tenant}', now(), 'System', 'test.seeded', 'Success', '\x00', '\x00');
                INSERT INTO external_identities (id, provider_id, tenant_id, issuer, subject, user_id, created_at, last_sign_in_at)
                    VALUES (gen_random_uuid(), gen_random_uuid(), '{tenant}', '{ExternalIssuer(tenant)}', 'rls-subject', '{_user}', now(), now());
                INSERT INTO raw_uplinks (tenant_id, device_id, received_at, dedup_key, dev_eui, network_server_kind, application_id,
                                         f_cnt, f_port, payload, gateways, ingested_at)
                    VALUES ('{tenant}', '{device}', now(), 'rls-{Guid.NewGuid()}', '0000000000000001', 'ChirpStack', 'app', 1, 1, '\x00', '[]', now());
                INSERT INTO rejected_uplinks (id, tenant_id, device_id, topic, message, message_size, reason, detail, received_at)
                    VALUES (gen_random_uuid(), '{tenant}', '{device}', 'topic', '\x00', 1, 'BindingMismatch', 'seeded', now());
                INSERT INTO invitations (id, tenant_id, email, role, token_id, token_hash, status, created_at, expires_at, send_count)
                    VALUES (gen_random_uuid(), '{tenant}', 'rls-{tenant:N}@example.com', 'Member', '{tenant:N}', '\x00', 'Open', now(),
                            now() + interval '1 day', 0);
                {DecoderRows(tenant, device)}
                """);
        }

        await ExecuteAsync(connection, DecoderRows(null, null));
        // The platform provider's link of the same user: no tenant.
        await ExecuteAsync(connection, $"""
            INSERT INTO external_identities (id, provider_id, tenant_id, issuer, subject, user_id, created_at, last_sign_in_at)
                VALUES (gen_random_uuid(), '{Guid.Empty}', NULL, 'https://rls-{_user:N}.example/platform', 'rls-subject', '{_user}', now(), now());
            """);
    }

    private string ExternalIssuer(Guid tenant) => $"https://rls-{_user:N}.example/{tenant:N}";

    private const string EmptyArray = "{}";
    private const string Temperature = """{"temperature": 21.5}""";

    /// <summary>A decoder with one version, and (for a tenant) a re-decode job, a measurement and latest values of its device.</summary>
    private static string DecoderRows(Guid? tenant, Guid? device)
    {
        var decoder = Guid.NewGuid();
        var owner = tenant is { } id ? $"'{id}'" : "NULL";
        var rows = $"""
            INSERT INTO decoders (id, tenant_id, name, description, active_version, latest_version, created_at, updated_at)
                VALUES ('{decoder}', {owner}, 'rls-{decoder:N}', '', 1, 1, now(), now());
            INSERT INTO decoder_versions (decoder_id, version, tenant_id, id, codec, vectors, notes, created_at)
                VALUES ('{decoder}', 1, {owner}, gen_random_uuid(), 'CayenneLpp', '[]', '', now());
            """;
        return device is null ? rows : rows + $"""
            INSERT INTO redecode_jobs (tenant_id, id, decoder_id, version, version_id, range_from, range_to, device_ids, status, processed, failed, created_at)
                VALUES ({owner}, gen_random_uuid(), '{decoder}', 1, gen_random_uuid(), now() - interval '1 day', now(), '{EmptyArray}', 'Pending', 0, 0, now());
            INSERT INTO measurements (tenant_id, device_id, received_at, dedup_key, name, value)
                VALUES ({owner}, '{device}', now(), 'rls', 'temperature', 21.5);
            INSERT INTO device_latest (tenant_id, device_id, last_seen_at, last_f_cnt, data)
                VALUES ({owner}, '{device}', now(), 1, '{Temperature}');
            """;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EveryTableWithATenantColumnHasForcedRowLevelSecurity()
    {
        await using var connection = await OpenAsync();
        var unprotected = await ListAsync(connection, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND (EXISTS (SELECT FROM information_schema.columns col
                           WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'tenant_id')
                   OR c.relname = 'tenants')
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """);

        Assert.Empty(unprotected);
        Assert.NotEmpty(await ListAsync(connection, "SELECT tablename::text FROM pg_policies WHERE policyname = 'tenant_isolation'"));
    }

    [Fact]
    public async Task WithoutATenantNoTenantOwnedRowIsVisible()
    {
        await using var connection = await OpenAsync();

        foreach (var table in await TenantOwnedTablesAsync(connection))
        {
            // Platform library rows (no tenant) are meant for everyone; see the library test below.
            var tenantOwned = table == "tenants" ? "true" : "tenant_id IS NOT NULL";
            Assert.Equal(0L, await CountAsync(connection, $"SELECT count(*) FROM {table} WHERE {tenantOwned}"));
        }
    }

    [Fact]
    public async Task ATenantReadsThePlatformDecoderLibraryButCannotChangeIt()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.tenant_id', '{_tenantA}', false)");

        Assert.True(await CountAsync(connection, "SELECT count(*) FROM decoders WHERE tenant_id IS NULL") > 0);
        Assert.True(await CountAsync(connection, "SELECT count(*) FROM decoder_versions WHERE tenant_id IS NULL") > 0);

        var added = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            "INSERT INTO decoders (id, tenant_id, name, description, latest_version, created_at, updated_at) VALUES (gen_random_uuid(), NULL, 'forged', '', 0, now(), now())"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, added.SqlState);
        // Updates and deletes of library rows find no row to act on.
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE decoder_versions SET notes = 'forged' WHERE tenant_id IS NULL"));
        Assert.Equal(0, await AffectedAsync(connection, "DELETE FROM decoder_versions WHERE tenant_id IS NULL"));
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE decoders SET tenant_id = platform_current_tenant() WHERE tenant_id IS NULL"));
    }

    [Fact]
    public async Task WithTenantASetOnlyTenantARowsAreVisible()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.tenant_id', '{_tenantA}', false)");

        foreach (var table in await TenantOwnedTablesAsync(connection))
        {
            var key = table == "tenants" ? "id" : "tenant_id";
            Assert.True(await CountAsync(connection, $"SELECT count(*) FROM {table} WHERE {key} = '{_tenantA}'") > 0, table);
            Assert.Equal(0L, await CountAsync(connection, $"SELECT count(*) FROM {table} WHERE {key} <> '{_tenantA}'"));
        }
    }

    [Fact]
    public async Task WritingARowOfTenantBWhileTenantAIsSetFails()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.tenant_id', '{_tenantA}', false)");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO organizations (tenant_id, id, name, created_at) VALUES ('{_tenantB}', gen_random_uuid(), 'Intruder', now())"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);

        // Moving a visible row of A into B is refused just the same.
        var moved = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"UPDATE organizations SET tenant_id = '{_tenantB}' WHERE tenant_id = '{_tenantA}'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
    }

    [Fact]
    public async Task AUserSeesTheirOwnMembershipsInEveryTenantAndNothingElse()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.user_id', '{_user}', false)");

        Assert.Equal(2L, await CountAsync(connection, $"SELECT count(*) FROM tenant_memberships WHERE user_id = '{_user}'"));
        Assert.Equal(2L, await CountAsync(connection, $"SELECT count(*) FROM tenants WHERE id IN ('{_tenantA}', '{_tenantB}')"));
        Assert.Equal(0L, await CountAsync(connection, "SELECT count(*) FROM organizations"));
    }

    [Fact]
    public async Task AuditEventsCannotBeChangedOrRemovedByTheServicesRole()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.tenant_id', '{_tenantA}', false)");

        foreach (var statement in new[] { "UPDATE audit_events SET action = 'forged'", "DELETE FROM audit_events" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }

    [Fact]
    public async Task AnApiTokenLookupSeesOnlyTheNamedTokenAndChangesNothingOfIt()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.api_token_id', '{_apiTokens[_tenantA]}', false)");

        Assert.Equal([_apiTokens[_tenantA]], await ListAsync(connection, "SELECT id::text FROM api_tokens"));
        // No column of the row it may read is writable through the lookup, last-used included.
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE api_tokens SET revoked_at = now()"));
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE api_tokens SET scopes = '{members:admin}'"));
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE api_tokens SET expires_at = now() + interval '10 years'"));
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE api_tokens SET last_used_at = now()"));
        Assert.Equal(0, await AffectedAsync(connection, "DELETE FROM api_tokens"));
        Assert.Equal(["0"], await ListAsync(connection,
            "SELECT count(*)::text FROM api_tokens WHERE revoked_at IS NOT NULL OR last_used_at IS NOT NULL OR cardinality(scopes) > 0"));
    }

    [Fact]
    public async Task TheTouchFunctionSetsOnlyLastUsedOfTheNamedLiveToken()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.api_token_id', '{_apiTokens[_tenantA]}', false)");
        var before = await ListAsync(connection, "SELECT concat_ws('|', id, revoked_at, expires_at, scopes::text, name) FROM api_tokens");

        await ExecuteAsync(connection, "SELECT platform_touch_api_token()");

        Assert.Equal(before, await ListAsync(connection, "SELECT concat_ws('|', id, revoked_at, expires_at, scopes::text, name) FROM api_tokens"));
        Assert.Equal(["1"], await ListAsync(connection, "SELECT count(*)::text FROM api_tokens WHERE last_used_at IS NOT NULL"));
    }

    [Fact]
    public async Task ATenantScopeSeesOnlyItsOwnServiceAccounts()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('platform.tenant_id', '{_tenantA}', false)");

        Assert.Equal(["1"], await ListAsync(connection, $"SELECT count(*)::text FROM service_accounts WHERE tenant_id = '{_tenantA}'"));
        Assert.Equal(0, await AffectedAsync(connection, $"UPDATE service_accounts SET description = 'forged' WHERE tenant_id = '{_tenantB}'"));
    }

    [Fact]
    public async Task AnExternalIdentityLookupSeesOnlyTheNamedIdentityAndChangesNothing()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"""
            SELECT set_config('platform.external_issuer', '{ExternalIssuer(_tenantA)}', false),
                   set_config('platform.external_subject', 'rls-subject', false)
            """);

        Assert.Equal([_tenantA.ToString()], await ListAsync(connection, "SELECT tenant_id::text FROM external_identities"));
        // Read-only: not even last sign-in, least of all its user (re-linking the identity).
        Assert.Equal(0, await AffectedAsync(connection, "UPDATE external_identities SET last_sign_in_at = now()"));
        Assert.Equal(0, await AffectedAsync(connection, $"UPDATE external_identities SET user_id = '{_user}'"));
        Assert.Equal(0, await AffectedAsync(connection, "DELETE FROM external_identities"));
        var added = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"""
            INSERT INTO external_identities (id, provider_id, tenant_id, issuer, subject, user_id, created_at, last_sign_in_at)
                VALUES (gen_random_uuid(), gen_random_uuid(), '{_tenantB}', '{ExternalIssuer(_tenantA)}', 'rls-subject', '{_user}', now(), now())
            """));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, added.SqlState);
    }

    [Fact]
    public async Task APlatformProviderLinkIsVisibleToItsUserOnly()
    {
        await using var connection = await OpenAsync();
        Assert.Equal(0L, await CountAsync(connection, "SELECT count(*) FROM external_identities"));

        await ExecuteAsync(connection, $"SELECT set_config('platform.user_id', '{_user}', false)");
        Assert.Equal(1L, await CountAsync(connection, "SELECT count(*) FROM external_identities"));

        await ExecuteAsync(connection, $"SELECT set_config('platform.user_id', '{Guid.NewGuid()}', false)");
        Assert.Equal(0L, await CountAsync(connection, "SELECT count(*) FROM external_identities"));
    }

    private static Task<List<string>> TenantOwnedTablesAsync(NpgsqlConnection connection) => ListAsync(connection, """
        SELECT DISTINCT table_name::text FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name = 'tenant_id' OR table_name = 'tenants')
          -- Partitions are read through their parent here (a month's may still be empty); that each
          -- has forced RLS of its own is checked with every other table.
          AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
        """);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<int> AffectedAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
