using Npgsql;

namespace Platform.Workers.Storage;

/// <summary>
/// The session settings that row-level security reads, set for the current transaction only
/// (<c>set_config(…, true)</c>), so a pooled connection never carries them into the next use.
/// </summary>
public static class TenantSession
{
    public static NpgsqlBatchCommand Enter(Guid? tenantId) =>
        new("SELECT set_config('platform.tenant_id', $1, true)")
        {
            Parameters = { new NpgsqlParameter { Value = tenantId?.ToString() ?? string.Empty } },
        };

    /// <summary>Every tenant's rows: only to find work across tenants, never for the work itself.</summary>
    public static NpgsqlBatchCommand EnterPlatformScope() => new("SELECT set_config('platform.scope', 'platform', true)");

    public static NpgsqlBatchCommand LeavePlatformScope() => new("SELECT set_config('platform.scope', '', true)");
}
