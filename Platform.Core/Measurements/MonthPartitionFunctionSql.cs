namespace Platform.Core.Measurements;

/// <summary>
/// The month-partition function (<see cref="MeasurementTables.MonthPartitionFunction"/>) runs its DDL
/// as the schema owner. Like every such SECURITY DEFINER function it is the services' role's alone to
/// call: EXECUTE is revoked from PUBLIC here and granted to that role by
/// <see cref="Persistence.DatabaseMigrator"/>. Its search path is fixed with pg_temp last, so that no
/// caller's temporary table or function can stand in for one it names.
/// </summary>
public static class MonthPartitionFunctionSql
{
    public const string FunctionSignature = "platform_ensure_month_partition(text, timestamp with time zone)";

    public const string Up = $"""
        ALTER FUNCTION {FunctionSignature} SET search_path = pg_catalog, public, pg_temp;
        REVOKE ALL ON FUNCTION {FunctionSignature} FROM PUBLIC;
        """;

    public const string Down = $"""
        GRANT EXECUTE ON FUNCTION {FunctionSignature} TO PUBLIC;
        ALTER FUNCTION {FunctionSignature} SET search_path = public;
        """;
}
