namespace Platform.Core.Identity.Providers;

/// <summary>
/// SSO enforcement is per tenant: an enforcing tenant refuses password sessions on its own routes
/// (the API checks that on every request), and the login refuses a password only when it could
/// reach nothing — every tenant of the user enforces SSO with someone else as break-glass admin,
/// and the user is no platform admin. So one tenant's admin, who can add any existing account as a
/// member, cannot switch off that person's password for their other tenants or the platform.
/// </summary>
/// <remarks>
/// Replaces the body of <c>platform_password_login_blocked</c> (<see cref="IdentityProviderSql"/>
/// created it: blocked by any enforcing tenant); same signature, so its grants stay.
/// </remarks>
internal static class PasswordLoginSql
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION platform_password_login_blocked(wanted_user uuid) RETURNS boolean
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
            blocked boolean;
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            SELECT EXISTS (SELECT FROM public.tenant_memberships m WHERE m.user_id = wanted_user)
               AND NOT EXISTS (
                   SELECT FROM public.tenant_memberships m
                   WHERE m.user_id = wanted_user
                     AND NOT EXISTS (
                         SELECT FROM public.identity_providers p
                         WHERE p.tenant_id = m.tenant_id AND p.state = 'Enforced'
                           AND p.break_glass_user_id IS DISTINCT FROM wanted_user))
               AND NOT EXISTS (SELECT FROM public.users u WHERE u.id = wanted_user AND u.platform_role = 'Admin')
            INTO blocked;
            PERFORM set_config('platform.scope', previous_scope, false);
            RETURN blocked;
        END
        $fn$;
        """;

    public const string Down = IdentityProviderSql.PasswordLoginBlockedByAnyTenant;
}
