using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Creates tenants, users, memberships and grants for a test straight in the database, through the
/// platform scope (the explicit cross-tenant path), with fresh random names and passwords, and logs
/// users in through the real API. Tests then act only through the API.
/// </summary>
public sealed class TestTenantSeeder(PlatformAppFixture fixture)
{
    private static readonly PasswordHashing Passwords = new();

    /// <summary>A password generated for this run, shared by seeded users (its hash is costly to compute).</summary>
    public static readonly string Password = "pw-" + Guid.NewGuid().ToString("N");

    private static readonly Lazy<string> PasswordHash = new(() => Passwords.Hash(Password));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Guid> CreateTenantAsync(string? name = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO tenants (id, slug, name, status, created_at) VALUES (@id, @slug, @name, 'Active', now())",
            ("id", id), ("slug", "t-" + id.ToString("N")[..20]), ("name", name ?? "Tenant " + id.ToString("N")[..6]));
        return id;
    }

    /// <summary>A new user, optionally a member of a tenant with a role.</summary>
    public async Task<SeededUser> CreateUserAsync(Guid? tenantId = null, TenantRole? role = null)
    {
        var user = new SeededUser(Guid.NewGuid(), $"user-{Guid.NewGuid():N}@example.com");
        await ExecuteAsync("""
            INSERT INTO users (id, email, display_name, platform_role, password_hash, failed_login_count, created_at)
            VALUES (@id, @email, 'Test user', 'None', @hash, 0, now())
            """, ("id", user.Id), ("email", user.Email), ("hash", PasswordHash.Value));
        if (tenantId is not null)
        {
            await AddMemberAsync(tenantId.Value, user.Id, role ?? TenantRole.Member);
        }

        return user;
    }

    public Task AddMemberAsync(Guid tenantId, Guid userId, TenantRole role) =>
        ExecuteAsync("INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @user, @role, now())",
            ("tenant", tenantId), ("user", userId), ("role", role.ToString()));

    public async Task<Guid> CreateOrganizationAsync(Guid tenantId, string? name = null)
    {
        var id = Guid.CreateVersion7();
        await ExecuteAsync("INSERT INTO organizations (tenant_id, id, name, created_at) VALUES (@tenant, @id, @name, now())",
            ("tenant", tenantId), ("id", id), ("name", name ?? "Org " + id.ToString("N")[^8..]));
        return id;
    }

    public Task GrantOrganizationAsync(Guid tenantId, Guid organizationId, Guid userId, OrganizationAccess access, bool canExport = false) =>
        ExecuteAsync("""
            INSERT INTO organization_grants (tenant_id, organization_id, user_id, access, can_export, created_at)
            VALUES (@tenant, @organization, @user, @access, @export, now())
            """, ("tenant", tenantId), ("organization", organizationId), ("user", userId), ("access", access.ToString()), ("export", canExport));

    /// <param name="binding">The network-server application its uplinks must come from; a random ChirpStack one if omitted.</param>
    public async Task<Guid> CreateDeviceAsync(Guid tenantId, Guid organizationId, string? devEui = null, NetworkServerBinding? binding = null)
    {
        var id = Guid.CreateVersion7();
        binding ??= new NetworkServerBinding(NetworkServerKind.ChirpStack, Guid.NewGuid().ToString());
        await ExecuteAsync("""
            INSERT INTO devices (tenant_id, id, dev_eui, name, organization_id, network_server_kind, network_server_application_id, tags, created_at)
            VALUES (@tenant, @id, @devEui, @name, @organization, @kind, @application, '{}', now())
            """, ("tenant", tenantId), ("id", id), ("devEui", devEui ?? RandomDevEui()),
            ("name", "Device " + id.ToString("N")[^8..]), ("organization", organizationId),
            ("kind", binding.Kind.ToString()), ("application", binding.ApplicationId));
        await ClaimAsync(tenantId, binding);
        return id;
    }

    /// <summary>
    /// The device's application becomes its tenant's, as a registration through the API would make it;
    /// a test that binds two tenants to one application fails here rather than somewhere downstream.
    /// </summary>
    public async Task ClaimAsync(Guid tenantId, NetworkServerBinding binding)
    {
        await ExecuteAsync("""
            INSERT INTO network_server_application_claims (network_server_kind, application_key, application_id, tenant_id)
            VALUES (@kind, @key, @application, @tenant) ON CONFLICT DO NOTHING
            """, ("kind", binding.Kind.ToString()), ("key", binding.ClaimKey), ("application", binding.ApplicationId), ("tenant", tenantId));
        var owner = await ScalarAsync<Guid>(
            "SELECT tenant_id FROM network_server_application_claims WHERE network_server_kind = @kind AND application_key = @key",
            ("kind", binding.Kind.ToString()), ("key", binding.ClaimKey));
        if (owner != tenantId)
        {
            throw new InvalidOperationException(
                $"The {binding.Kind} application '{binding.ApplicationId}' is another test tenant's: give each tenant its own application.");
        }
    }

    /// <summary>A DevEUI no other test uses.</summary>
    public static string RandomDevEui() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 8));

    public Task GrantDeviceAsync(Guid tenantId, Guid deviceId, Guid userId, DeviceAccess access) =>
        ExecuteAsync("INSERT INTO device_grants (tenant_id, device_id, user_id, access, created_at) VALUES (@tenant, @device, @user, @access, now())",
            ("tenant", tenantId), ("device", deviceId), ("user", userId), ("access", access.ToString()));

    /// <summary>
    /// A stored rejection as the storage writes them (a BindingMismatch of a few bytes), for tests about
    /// who may see and replay one; tests of the rejections themselves produce theirs through the broker.
    /// </summary>
    public async Task<Guid> CreateRejectionAsync(Guid? tenantId, Guid? deviceId = null, bool replayed = false)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO rejected_uplinks (id, tenant_id, device_id, topic, message, message_size, reason, detail, received_at, replayed_at)
            VALUES (@id, @tenant, @device, @topic, @message, 3, 'BindingMismatch', 'Seeded.', now(), CASE WHEN @replayed THEN now() END)
            """, ("id", id), ("tenant", (object?)tenantId ?? DBNull.Value), ("device", (object?)deviceId ?? DBNull.Value),
            ("topic", $"application/{Guid.NewGuid()}/device/{RandomDevEui()}/event/up"), ("message", new byte[] { 1, 2, 3 }),
            ("replayed", replayed));
        return id;
    }

    /// <summary>An HTTP client of the API that carries the user's session token.</summary>
    public async Task<HttpClient> LoginAsync(SeededUser user) => await LoginAsync(user.Email, Password);

    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var http = fixture.CreateApiClient();
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return http;
    }

    /// <summary>
    /// An HTTP client with a session bound to the tenant, stored as a sign-in through the tenant's
    /// identity provider stores it (the OIDC tests go through that sign-in itself): for tests about
    /// what such a session may reach and when it ends.
    /// </summary>
    public async Task<HttpClient> OpenTenantBoundSessionAsync(SeededUser user, Guid tenantId)
    {
        var token = OpaqueToken.Create(OpaqueToken.SessionPrefix);
        await ExecuteAsync("""
            INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, bound_tenant_id)
            VALUES (@id, @hash, @user, now(), now(), now() + interval '1 hour', @tenant)
            """, ("id", token.Id), ("hash", token.Hash()), ("user", user.Id), ("tenant", tenantId));
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return http;
    }

    /// <summary>Gives a seeded user the platform admin role (their next login carries it).</summary>
    public Task MakePlatformAdminAsync(SeededUser user) =>
        ExecuteAsync("UPDATE users SET platform_role = 'Admin' WHERE id = @id", ("id", user.Id));

    public Task<HttpClient> LoginAsPlatformAdminAsync() =>
        LoginAsync(fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"));

    /// <summary>
    /// A connection of the schema owner in the explicit platform scope: past row-level security,
    /// as an operator would look. The caller disposes it.
    /// </summary>
    public async Task<NpgsqlConnection> OpenPlatformScopeAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using var scope = new NpgsqlCommand("SELECT set_config('platform.scope', 'platform', false)", connection);
        await scope.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    /// <summary>Any statement, run in platform scope.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenPlatformScopeAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>The first column of the first row of a query, run in platform scope.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenPlatformScopeAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>
    /// Audit events oldest first, read past row-level security: a tenant's chain, or the platform's
    /// (null), optionally only those about one target.
    /// </summary>
    public async Task<IReadOnlyList<SeededAuditEvent>> AuditAsync(Guid? tenantId, string? targetId = null)
    {
        await using var connection = await OpenPlatformScopeAsync();
        await using var command = Command(connection, """
            SELECT action, outcome, actor_id::text, coalesce(after, '') FROM audit_events
            WHERE tenant_id IS NOT DISTINCT FROM @tenant AND (@target::text IS NULL OR target_id = @target::text)
            ORDER BY sequence
            """, [("tenant", (object?)tenantId ?? DBNull.Value), ("target", (object?)targetId ?? DBNull.Value)]);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var events = new List<SeededAuditEvent>();
        while (await reader.ReadAsync(Ct))
        {
            events.Add(new SeededAuditEvent(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }

        return events;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}

public sealed record SeededUser(Guid Id, string Email);

/// <param name="After">The after-image as stored (JSON text), empty when there is none.</param>
public sealed record SeededAuditEvent(string Action, string Outcome, string? ActorId, string After);
