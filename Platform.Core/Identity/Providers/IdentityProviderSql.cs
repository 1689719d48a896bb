using Platform.Core.Persistence.RowLevelSecurity;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// Hand-written SQL of <c>identity_providers</c>: forced row-level security like every tenant-owned
/// table, and the only reads past it, as functions. Token validation and sign-in know just an issuer
/// or a provider id before any tenant is known; password login must know whether any of the user's
/// tenants enforces SSO. Each function returns only what its caller needs (settings columns, a
/// yes/no), never rules or anything else of a tenant.
/// </summary>
/// <remarks>
/// SECURITY DEFINER with a fixed search_path, EXECUTE revoked from PUBLIC and granted to the
/// services' role alone (<see cref="Persistence.DatabaseMigrator"/>, which knows that role's name).
/// The owner is bound by the forced policies too, so each function enters the platform scope for its
/// one query and restores the caller's scope (as <c>platform_device_routes</c> does; a function-level
/// <c>SET platform.scope</c> needs a superuser).
/// </remarks>
internal static class IdentityProviderSql
{
    /// <summary>The functions' signatures, for GRANT EXECUTE to the services' role.</summary>
    public static readonly string[] Functions =
    [
        "platform_identity_providers_by_issuer(text)",
        "platform_identity_provider_by_id(uuid)",
        "platform_password_login_blocked(uuid)",
    ];

    private const string SettingsColumns = """
        RETURNS TABLE (id uuid, tenant_id uuid, kind text, issuer text, client_id text, client_secret_reference text,
                       audience text, state text, entra_directory_id text)
        """;

    private const string SelectSettings = """
        SELECT p.id, p.tenant_id, p.kind::text, p.issuer::text, p.client_id::text, p.client_secret_reference::text,
               p.audience::text, p.state::text, p.entra_directory_id::text
        FROM public.identity_providers p
        """;

    /// <summary>
    /// The first rule of password login under enforcement: blocked when any tenant of the user
    /// enforces SSO with someone else as break-glass admin (<see cref="PasswordLoginSql"/> narrowed
    /// it; kept for that migration's Down).
    /// </summary>
    public const string PasswordLoginBlockedByAnyTenant = """
        CREATE OR REPLACE FUNCTION platform_password_login_blocked(wanted_user uuid) RETURNS boolean
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
            blocked boolean;
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            SELECT EXISTS (
                SELECT FROM public.identity_providers p
                JOIN public.tenant_memberships m ON m.tenant_id = p.tenant_id AND m.user_id = wanted_user
                WHERE p.state = 'Enforced' AND p.break_glass_user_id IS DISTINCT FROM wanted_user)
            INTO blocked;
            PERFORM set_config('platform.scope', previous_scope, false);
            RETURN blocked;
        END
        $fn$;
        """;

    public static readonly string Up = RowLevelSecurityPolicies.TenantIsolation("identity_providers") + $$"""

        CREATE FUNCTION platform_identity_providers_by_issuer(wanted_issuer text)
            {{SettingsColumns}}
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            RETURN QUERY {{SelectSettings}} WHERE p.issuer = wanted_issuer ORDER BY p.tenant_id, p.id;
            PERFORM set_config('platform.scope', previous_scope, false);
        END
        $fn$;

        CREATE FUNCTION platform_identity_provider_by_id(wanted_id uuid)
            {{SettingsColumns}}
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            RETURN QUERY {{SelectSettings}} WHERE p.id = wanted_id;
            PERFORM set_config('platform.scope', previous_scope, false);
        END
        $fn$;

        {{PasswordLoginBlockedByAnyTenant}}

        REVOKE ALL ON FUNCTION platform_identity_providers_by_issuer(text) FROM PUBLIC;
        REVOKE ALL ON FUNCTION platform_identity_provider_by_id(uuid) FROM PUBLIC;
        REVOKE ALL ON FUNCTION platform_password_login_blocked(uuid) FROM PUBLIC;
        """;

    public const string Down = """
        DROP FUNCTION IF EXISTS platform_password_login_blocked(uuid);
        DROP FUNCTION IF EXISTS platform_identity_provider_by_id(uuid);
        DROP FUNCTION IF EXISTS platform_identity_providers_by_issuer(text);
        """;
}
