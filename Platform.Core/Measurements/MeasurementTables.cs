using Platform.Core.Uplinks;

namespace Platform.Core.Measurements;

/// <summary>
/// SQL for the decoded-value table and for the month partitions of both time-partitioned tables.
/// <c>measurements</c> is partitioned like <c>raw_uplinks</c>, by the uplink's network time, and its
/// key starts with (tenant, device, time): "one device, time range" (all series, or one by name) is
/// an index range in the months it spans, and a redelivered or re-decoded uplink hits its own rows.
/// </summary>
internal static class MeasurementTables
{
    public const string Measurements = "measurements";

    private const string TenantRule = "platform_in_platform_scope() OR tenant_id = platform_current_tenant()";

    /// <summary>
    /// Creates a month partition of raw_uplinks or measurements on demand. The services' role may call
    /// it; the DDL runs as the owner. Each partition carries the parent's row-level security, because
    /// a partition read directly does not apply its parent's policies.
    /// </summary>
    public const string MonthPartitionFunction = $"""
        CREATE FUNCTION platform_ensure_month_partition(parent text, uplink_time timestamp with time zone) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
        DECLARE
            month_start timestamp with time zone := date_trunc('month', uplink_time, 'UTC');
            partition_name text := parent || '_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
        BEGIN
            IF parent NOT IN ('raw_uplinks', 'measurements') THEN
                RAISE EXCEPTION '% is not a month-partitioned table', parent USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF to_regclass(partition_name) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                        partition_name, parent, month_start, month_start + interval '1 month');
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
        {MonthPartitionFunction}
        DROP FUNCTION platform_ensure_raw_uplinks_partition(timestamp with time zone);

        ALTER TABLE raw_uplinks
            ADD COLUMN decoder_version_id uuid,
            ADD COLUMN decoded jsonb,
            ADD COLUMN decode_warnings text[],
            ADD COLUMN decode_errors text[],
            ADD COLUMN decoded_at timestamp with time zone;

        CREATE TABLE measurements (
            tenant_id uuid NOT NULL,
            device_id uuid NOT NULL,
            received_at timestamp with time zone NOT NULL,
            dedup_key character varying(200) NOT NULL,
            name character varying(200) NOT NULL, -- MeasurementExtractor.MaxNameLength
            value double precision NOT NULL,
            CONSTRAINT pk_measurements PRIMARY KEY (tenant_id, device_id, received_at, dedup_key, name)
        ) PARTITION BY RANGE (received_at);
        ALTER TABLE measurements ENABLE ROW LEVEL SECURITY;
        ALTER TABLE measurements FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON measurements USING ({TenantRule}) WITH CHECK ({TenantRule});

        SELECT platform_ensure_month_partition('measurements', now());
        SELECT platform_ensure_month_partition('measurements', now() + interval '1 month');
        """;

    public const string Drop = $"""
        DROP TABLE IF EXISTS measurements CASCADE;
        ALTER TABLE raw_uplinks
            DROP COLUMN decoder_version_id, DROP COLUMN decoded, DROP COLUMN decode_warnings,
            DROP COLUMN decode_errors, DROP COLUMN decoded_at;
        {RawUplinkTable.PartitionFunction}
        DROP FUNCTION platform_ensure_month_partition(text, timestamp with time zone);
        """;
}
