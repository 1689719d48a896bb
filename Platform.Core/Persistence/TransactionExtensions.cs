using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Persistence;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs a change and its audit records in one transaction and saves them together: either all
    /// of it is committed or none of it.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this PlatformDbContext database, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
