namespace Platform.Core.Ingestion;

/// <summary>
/// The ingestion's cross-tenant read of devices by DevEUI, as a database function: it enters
/// platform scope for the one query and leaves it again, and returns routing columns only.
/// (A function-level <c>SET platform.scope</c> would be neater, but PostgreSQL lets only a
/// superuser attach a custom setting to a function.)
/// </summary>
internal static class DeviceRouteFunction
{
    public const string Create = """
        CREATE FUNCTION platform_device_routes(wanted_dev_eui text)
            RETURNS TABLE (tenant_id uuid, device_id uuid, network_server_kind text, application_id text)
            LANGUAGE plpgsql AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            RETURN QUERY
                SELECT d.tenant_id, d.id, d.network_server_kind::text, d.network_server_application_id::text
                FROM devices d WHERE d.dev_eui = wanted_dev_eui;
            PERFORM set_config('platform.scope', previous_scope, false);
        END
        $fn$;
        """;

    public const string Drop = "DROP FUNCTION IF EXISTS platform_device_routes(text);";
}
