namespace Platform.Core.Ingestion;

/// <summary>
/// Names a PostgreSQL error by its SQLSTATE class and code only: a database's message text can quote
/// the values it refused (a device's payload, a key), which must not reach a rejection's detail or a log.
/// </summary>
public static class DatabaseErrorClass
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.Ordinal)
    {
        ["08"] = "connection exception",
        ["22"] = "data exception",
        ["23"] = "integrity constraint violation",
        ["25"] = "invalid transaction state",
        ["28"] = "invalid authorization specification",
        ["40"] = "transaction rollback",
        ["42"] = "syntax error or access rule violation",
        ["53"] = "insufficient resources",
        ["54"] = "program limit exceeded",
        ["55"] = "object not in prerequisite state",
        ["57"] = "operator intervention",
        ["58"] = "system error",
        ["P0"] = "PL/pgSQL error",
        ["XX"] = "internal error",
    };

    /// <returns>For example "SQLSTATE 22001 (class 22: data exception)"; a malformed state is named as unknown.</returns>
    public static string Describe(string? sqlState)
    {
        if (sqlState is not { Length: 5 } state || !state.All(char.IsAsciiLetterOrDigit))
        {
            return "an unknown database error";
        }

        var errorClass = state[..2];
        return Classes.TryGetValue(errorClass, out var name)
            ? $"SQLSTATE {state} (class {errorClass}: {name})"
            : $"SQLSTATE {state} (class {errorClass})";
    }
}
