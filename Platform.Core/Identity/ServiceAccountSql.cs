using Platform.Core.Persistence.RowLevelSecurity;

namespace Platform.Core.Identity;

/// <summary>
/// Hand-written SQL of the service accounts' migration: the table is tenant-owned, so it gets the
/// same forced row-level security as every other (kept apart from the generated migration, which
/// may be regenerated).
/// </summary>
public static class ServiceAccountSql
{
    public static readonly string Up = RowLevelSecurityPolicies.TenantIsolation("service_accounts");

    public const string Down = """
        DROP POLICY IF EXISTS tenant_isolation ON service_accounts;
        ALTER TABLE service_accounts NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE service_accounts DISABLE ROW LEVEL SECURITY;
        """;
}
