namespace Platform.Core.Identity;

/// <summary>
/// Recording an API token's last use without letting the authenticating transaction write anything
/// else. Authentication runs before the tenant is known; the lookup setting
/// (<c>platform.api_token_id</c>) lets it read the one named row. It used to let it UPDATE that row
/// too, any column (revoked_at, scopes, expires_at). Now the services' role has no UPDATE path to
/// the row at all outside its tenant scope: it calls a function, running as the schema owner, that
/// sets last_used_at of the named, live token and nothing else, at most once a minute.
/// </summary>
/// <remarks>
/// The owner is bound by the forced row-level security too (local mode's owner is no superuser), so
/// the function's UPDATE needs a policy of its own, granted to the owner role alone (CURRENT_USER is
/// the migrating owner when the policy is created). EXECUTE is revoked from PUBLIC here and granted
/// to the services' role by <see cref="Persistence.DatabaseMigrator"/>, which knows that role's name
/// and runs after the migrations, when the role exists.
/// </remarks>
public static class ApiTokenTouchSql
{
    public const string FunctionSignature = "platform_touch_api_token()";

    public const string Up = """
        DROP POLICY IF EXISTS api_token_touch ON api_tokens;
        CREATE FUNCTION platform_touch_api_token() RETURNS void
            LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
            UPDATE public.api_tokens SET last_used_at = now()
            WHERE id = NULLIF(current_setting('platform.api_token_id', true), '')
              AND revoked_at IS NULL AND expires_at > now()
              AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
        $fn$;
        REVOKE ALL ON FUNCTION platform_touch_api_token() FROM PUBLIC;
        CREATE POLICY api_token_touch_by_owner ON api_tokens FOR UPDATE TO CURRENT_USER
            USING (id = NULLIF(current_setting('platform.api_token_id', true), ''))
            WITH CHECK (id = NULLIF(current_setting('platform.api_token_id', true), ''));
        """;

    public const string Down = """
        DROP POLICY IF EXISTS api_token_touch_by_owner ON api_tokens;
        DROP FUNCTION IF EXISTS platform_touch_api_token();
        CREATE POLICY api_token_touch ON api_tokens FOR UPDATE
            USING (id = NULLIF(current_setting('platform.api_token_id', true), ''))
            WITH CHECK (id = NULLIF(current_setting('platform.api_token_id', true), ''));
        """;
}
