namespace Platform.Core.Uplinks;

/// <summary>
/// The raw uplink table: range-partitioned by month of the network server's uplink time, which a
/// redelivery repeats, so the deduplicating primary key (which must contain the partition column)
/// stays exact. Partitions are created on demand by a function the services' role may call but
/// whose DDL runs as the owner; each partition carries the same row-level security as the parent,
/// because a partition read directly does not apply its parent's policies.
/// </summary>
internal static class RawUplinkTable
{
    public const string Name = "raw_uplinks";

    private const string TenantRule = "platform_in_platform_scope() OR tenant_id = platform_current_tenant()";

    /// <summary>The Ingestion migration's partition function; later replaced by <c>platform_ensure_month_partition</c>.</summary>
    public const string PartitionFunction = $"""
        CREATE FUNCTION platform_ensure_raw_uplinks_partition(uplink_time timestamp with time zone) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
        DECLARE
            month_start timestamp with time zone := date_trunc('month', uplink_time, 'UTC');
            partition_name text := 'raw_uplinks_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
        BEGIN
            IF to_regclass(partition_name) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE %I PARTITION OF raw_uplinks FOR VALUES FROM (%L) TO (%L)',
                        partition_name, month_start, month_start + interval '1 month');
                    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', partition_name);
                    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', partition_name);
                    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ({TenantRule}) WITH CHECK ({TenantRule})', partition_name);
                EXCEPTION WHEN duplicate_table OR duplicate_object THEN
                    NULL; -- another worker created it at the same moment
                END;
            END IF;
            RETURN partition_name;
        END
        $fn$;
        """;

    public const string Create = $"""
        CREATE TABLE raw_uplinks (
            tenant_id uuid NOT NULL,
            device_id uuid NOT NULL,
            received_at timestamp with time zone NOT NULL,
            dedup_key character varying(200) NOT NULL,
            dev_eui character varying(16) NOT NULL,
            network_server_kind character varying(20) NOT NULL,
            application_id character varying(100) NOT NULL,
            f_cnt bigint NOT NULL,
            f_port integer NOT NULL,
            payload bytea NOT NULL,
            gateways jsonb NOT NULL,
            ingested_at timestamp with time zone NOT NULL,
            stored_at timestamp with time zone NOT NULL DEFAULT now(),
            CONSTRAINT pk_raw_uplinks PRIMARY KEY (tenant_id, device_id, received_at, dedup_key)
        ) PARTITION BY RANGE (received_at);
        ALTER TABLE raw_uplinks ENABLE ROW LEVEL SECURITY;
        ALTER TABLE raw_uplinks FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON raw_uplinks USING ({TenantRule}) WITH CHECK ({TenantRule});

        {PartitionFunction}
        SELECT platform_ensure_raw_uplinks_partition(now());
        SELECT platform_ensure_raw_uplinks_partition(now() + interval '1 month');
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS raw_uplinks CASCADE;
        DROP FUNCTION IF EXISTS platform_ensure_raw_uplinks_partition(timestamp with time zone);
        """;
}
