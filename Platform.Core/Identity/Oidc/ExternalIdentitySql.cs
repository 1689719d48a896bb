namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Row-level security of <c>external_identities</c>, forced like every tenant table's. A tenant
/// provider's rows belong to that tenant; the platform provider's (tenant_id NULL) to their user.
/// Before anyone is known (a token or sign-in names only issuer and subject), the one row with the
/// (issuer, subject) set in the transaction's <c>platform.external_issuer</c>/<c>platform.external_subject</c>
/// settings is visible, read-only, and nothing else. Recording a sign-in happens once the user or the
/// tenant is known, under the isolation policy: a lookup policy that allowed UPDATE would let the
/// services' role re-link the row to another user (the API tokens' touch policy was removed for that).
/// </summary>
public static class ExternalIdentitySql
{
    public const string Up = """
        ALTER TABLE external_identities ENABLE ROW LEVEL SECURITY;
        ALTER TABLE external_identities FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON external_identities
            USING (platform_in_platform_scope() OR tenant_id = platform_current_tenant()
                   OR (tenant_id IS NULL AND user_id = platform_current_user()))
            WITH CHECK (platform_in_platform_scope() OR tenant_id = platform_current_tenant()
                   OR (tenant_id IS NULL AND user_id = platform_current_user()));
        CREATE POLICY external_identity_lookup ON external_identities FOR SELECT
            USING (issuer = NULLIF(current_setting('platform.external_issuer', true), '')
                   AND subject = NULLIF(current_setting('platform.external_subject', true), ''));
        """;

    public const string Down = """
        DROP POLICY IF EXISTS external_identity_lookup ON external_identities;
        DROP POLICY IF EXISTS tenant_isolation ON external_identities;
        ALTER TABLE external_identities NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE external_identities DISABLE ROW LEVEL SECURITY;
        """;
}
