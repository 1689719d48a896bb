namespace Platform.Core.Devices.Claims;

/// <summary>
/// Hand-written SQL of <c>network_server_application_claims</c>: which tenant a network-server
/// application (a ChirpStack or TTS application id) belongs to. The admission matches an uplink by
/// DevEUI and application together, so two tenants with one DevEUI under one application make its
/// uplinks nobody's; one owner per application makes that impossible for new registrations.
/// </summary>
/// <remarks>
/// Platform-owned data: the one table whose key deliberately has no <c>tenant_id</c> (in a
/// distributed database it would be a reference table). The key is the kind and the application id
/// as the admission compares it, case-insensitively (<see cref="NetworkServerBinding.ClaimKey"/>);
/// the unique key, not a check in the API, settles concurrent first registrations. Forced row-level
/// security: a tenant reads only its own claims and writes none; of another tenant's it learns only
/// "not yours"
/// through <c>platform_claim_network_server_application</c>, a SECURITY DEFINER function with a fixed
/// search_path, whose EXECUTE is revoked from PUBLIC and granted to the services' role alone
/// (<see cref="Persistence.DatabaseMigrator"/>). It claims for the session's own tenant, never for a
/// tenant named by its caller.
/// </remarks>
internal static class ApplicationClaimSql
{
    public const string FunctionSignature = "platform_claim_network_server_application(text, text, text)";

    public const string Up = """
        CREATE TABLE network_server_application_claims (
            network_server_kind text NOT NULL,
            application_key text NOT NULL,
            application_id text NOT NULL,
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
            claimed_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT pk_network_server_application_claims PRIMARY KEY (network_server_kind, application_key)
        );
        CREATE INDEX ix_network_server_application_claims_tenant_id ON network_server_application_claims (tenant_id);
        ALTER TABLE network_server_application_claims ENABLE ROW LEVEL SECURITY;
        ALTER TABLE network_server_application_claims FORCE ROW LEVEL SECURITY;
        CREATE POLICY platform_writes ON network_server_application_claims
            USING (platform_in_platform_scope()) WITH CHECK (platform_in_platform_scope());
        CREATE POLICY own_claims_read ON network_server_application_claims FOR SELECT
            USING (tenant_id = platform_current_tenant());

        -- What existed: each application goes to the tenant of its first registered device.
        DO $backfill$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
        BEGIN
            PERFORM set_config('platform.scope', 'platform', false);
            INSERT INTO network_server_application_claims (network_server_kind, application_key, application_id, tenant_id, claimed_at)
            SELECT DISTINCT ON (d.network_server_kind, upper(d.network_server_application_id))
                   d.network_server_kind, upper(d.network_server_application_id), d.network_server_application_id, d.tenant_id, d.created_at
            FROM devices d
            ORDER BY d.network_server_kind, upper(d.network_server_application_id), d.created_at, d.tenant_id;
            PERFORM set_config('platform.scope', previous_scope, false);
        END
        $backfill$;

        CREATE FUNCTION platform_claim_network_server_application(wanted_kind text, wanted_key text, wanted_application_id text)
            RETURNS boolean
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            previous_scope text := coalesce(current_setting('platform.scope', true), '');
            claimant uuid := NULLIF(current_setting('platform.tenant_id', true), '')::uuid;
            owner uuid;
        BEGIN
            IF claimant IS NULL THEN
                RAISE EXCEPTION 'An application is claimed in a tenant''s scope only.';
            END IF;
            PERFORM set_config('platform.scope', 'platform', false);
            -- A concurrent first claim waits here for the other transaction; the SELECT after it,
            -- a new snapshot under READ COMMITTED, then sees whichever claim was committed.
            INSERT INTO public.network_server_application_claims (network_server_kind, application_key, application_id, tenant_id)
            VALUES (wanted_kind, wanted_key, wanted_application_id, claimant)
            ON CONFLICT (network_server_kind, application_key) DO NOTHING;
            SELECT c.tenant_id INTO owner FROM public.network_server_application_claims c
            WHERE c.network_server_kind = wanted_kind AND c.application_key = wanted_key;
            PERFORM set_config('platform.scope', previous_scope, false);
            RETURN owner = claimant;
        END
        $fn$;
        REVOKE ALL ON FUNCTION platform_claim_network_server_application(text, text, text) FROM PUBLIC;
        """;

    public const string Down = """
        DROP FUNCTION IF EXISTS platform_claim_network_server_application(text, text, text);
        DROP TABLE IF EXISTS network_server_application_claims;
        """;
}
