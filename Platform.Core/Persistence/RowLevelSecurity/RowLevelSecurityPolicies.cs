namespace Platform.Core.Persistence.RowLevelSecurity;

/// <summary>
/// PostgreSQL row-level security, the database's copy of the DbContext's tenant filters. FORCE
/// makes it bind the table owner too; the services' role never bypasses it. The session settings
/// come from <see cref="DataScopeSessionInterceptor"/>: no tenant set means no rows.
/// </summary>
internal static class RowLevelSecurityPolicies
{
    public const string Functions = """
        CREATE OR REPLACE FUNCTION platform_current_tenant() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT NULLIF(current_setting('platform.tenant_id', true), '')::uuid $$;
        CREATE OR REPLACE FUNCTION platform_current_user() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT NULLIF(current_setting('platform.user_id', true), '')::uuid $$;
        CREATE OR REPLACE FUNCTION platform_in_platform_scope() RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT coalesce(current_setting('platform.scope', true), '') = 'platform' $$;
        """;

    /// <summary>Rows of the current tenant only (or any, in platform scope), for reading and writing.</summary>
    public static string TenantIsolation(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant())
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        """;

    /// <summary>Memberships: also readable by the member, in every tenant, to list "my tenants".</summary>
    public const string Memberships = """
        ALTER TABLE tenant_memberships ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tenant_memberships FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON tenant_memberships
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant() OR user_id = platform_current_user())
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        """;

    /// <summary>Tenants: the current one, those the user is a member of; changed only in platform scope.</summary>
    public const string Tenants = """
        ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON tenants
            USING (platform_in_platform_scope() OR id = platform_current_tenant()
                   OR EXISTS (SELECT FROM tenant_memberships m WHERE m.tenant_id = tenants.id AND m.user_id = platform_current_user()))
            WITH CHECK (platform_in_platform_scope());
        """;

    /// <summary>
    /// Audit events: read like any tenant-owned row (platform-level ones, tenant_id NULL, only in
    /// platform scope), but appendable to the platform chain from any scope, e.g. a failed login.
    /// </summary>
    public const string AuditEvents = """
        ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
        ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON audit_events FOR SELECT
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        CREATE POLICY audit_append ON audit_events FOR INSERT
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant() OR tenant_id IS NULL);
        """;

    /// <summary>
    /// Rejected uplinks: a tenant's own are read like any tenant-owned row, those without a tenant
    /// only in platform scope; the storage worker adds either kind from any scope.
    /// </summary>
    public const string RejectedUplinks = """
        ALTER TABLE rejected_uplinks ENABLE ROW LEVEL SECURITY;
        ALTER TABLE rejected_uplinks FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON rejected_uplinks
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant())
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        CREATE POLICY rejection_append ON rejected_uplinks FOR INSERT
            WITH CHECK (tenant_id IS NULL OR tenant_id = platform_current_tenant());
        """;

    /// <summary>
    /// Decoders and their versions: a tenant reads its own and the platform library's (tenant_id
    /// NULL), and writes only its own; the library is written in platform scope only.
    /// </summary>
    public static string WithPlatformLibrary(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant() OR tenant_id IS NULL)
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        CREATE POLICY library_read_only ON {table} AS RESTRICTIVE FOR UPDATE
            USING (platform_in_platform_scope() OR tenant_id IS NOT NULL);
        CREATE POLICY library_undeletable ON {table} AS RESTRICTIVE FOR DELETE
            USING (platform_in_platform_scope() OR tenant_id IS NOT NULL);
        """;

    /// <summary>
    /// API tokens: tenant-owned, and one more way in for authentication, which runs before the
    /// tenant is known: within its own transaction it names the one token id it looks up (the
    /// public part of the presented token) and may read and touch only that row.
    /// </summary>
    public const string ApiTokens = """
        ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
        ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON api_tokens
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant())
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant());
        CREATE POLICY api_token_lookup ON api_tokens FOR SELECT
            USING (id = NULLIF(current_setting('platform.api_token_id', true), ''));
        CREATE POLICY api_token_touch ON api_tokens FOR UPDATE
            USING (id = NULLIF(current_setting('platform.api_token_id', true), ''))
            WITH CHECK (id = NULLIF(current_setting('platform.api_token_id', true), ''));
        """;

    public static readonly string[] TenantOwnedTables = ["organizations", "organization_grants", "devices", "device_grants"];

    private static string[] AllTables => ["tenants", "tenant_memberships", "audit_events", .. TenantOwnedTables];

    public static string Enable() =>
        string.Join('\n', [Functions, Tenants, Memberships, AuditEvents, .. TenantOwnedTables.Select(TenantIsolation)]);

    public static string Disable() =>
        string.Join('\n', AllTables.Select(table =>
            $"DROP POLICY IF EXISTS tenant_isolation ON {table}; DROP POLICY IF EXISTS audit_append ON {table}; ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY; ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;"))
        + "\nDROP FUNCTION IF EXISTS platform_current_tenant(); DROP FUNCTION IF EXISTS platform_current_user(); DROP FUNCTION IF EXISTS platform_in_platform_scope();";
}
