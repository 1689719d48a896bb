namespace Platform.Core.Measurements;

/// <summary>
/// The month-partition function with every name it creates or reads qualified by its schema. Its
/// fixed search path starts with pg_catalog (<see cref="MonthPartitionFunctionSql"/>), so an
/// unqualified <c>CREATE TABLE</c> in it targets pg_catalog and fails with 42501 for every month the
/// migrations did not create. It also refuses months no uplink can have (before LoRaWAN existed, or
/// a year ahead), so that no caller can fill the schema with partitions.
/// </summary>
public static class SchemaQualifiedMonthPartitionSql
{
    /// <summary>How many months after the current one are created ahead, at start and daily.</summary>
    public const int MonthsAhead = 2;

    private const string TenantRule = "public.platform_in_platform_scope() OR tenant_id = public.platform_current_tenant()";

    public const string Function = $"""
        CREATE OR REPLACE FUNCTION public.platform_ensure_month_partition(parent text, uplink_time timestamp with time zone) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
        DECLARE
            month_start timestamp with time zone;
            partition_name text;
        BEGIN
            IF parent IS NULL OR parent NOT IN ('raw_uplinks', 'measurements') THEN
                RAISE EXCEPTION '% is not a month-partitioned table', parent USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF uplink_time IS NULL OR uplink_time < '2015-01-01T00:00:00Z' OR uplink_time >= now() + interval '1 year' THEN
                RAISE EXCEPTION 'no uplink can be of %', uplink_time USING ERRCODE = 'invalid_parameter_value';
            END IF;
            month_start := date_trunc('month', uplink_time, 'UTC');
            partition_name := parent || '_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
            IF to_regclass(format('public.%I', partition_name)) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
                        partition_name, parent, month_start, month_start + interval '1 month');
                    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', partition_name);
                    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', partition_name);
                    EXECUTE format('CREATE POLICY tenant_isolation ON public.%I USING ({TenantRule}) WITH CHECK ({TenantRule})', partition_name);
                EXCEPTION WHEN duplicate_table OR duplicate_object THEN
                    NULL; -- another worker created it at the same moment
                END;
            END IF;
            RETURN partition_name;
        END
        $fn$;
        """;

    /// <summary>The function, and this month's and the next months' partitions of both tables.</summary>
    public static readonly string Up = $"""
        {Function}
        SELECT public.platform_ensure_month_partition(t.parent, now() + make_interval(months => m.ahead))
        FROM (VALUES ('raw_uplinks'), ('measurements')) AS t (parent), generate_series(0, {MonthsAhead}) AS m (ahead);
        """;

    /// <summary>Back to the previous body; its search path and privileges are set again as that migration set them.</summary>
    public static readonly string Down =
        MeasurementTables.MonthPartitionFunction.Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal)
        + MonthPartitionFunctionSql.Up;
}
