using Npgsql;

namespace Platform.Workers.Storage;

public static class PostgresErrors
{
    /// <summary>
    /// Data exceptions (22…), integrity violations (23…) and refused access (42…) come from what is
    /// written, not from the database's state: retrying them would never end.
    /// </summary>
    public static bool IsPermanent(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("23", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("42", StringComparison.Ordinal);
}
