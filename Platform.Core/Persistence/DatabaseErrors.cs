using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Persistence;

public static class DatabaseErrors
{
    /// <summary>A unique index refused the write: someone else got there first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
