using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Identity;

/// <summary>
/// Locks a user's row until the transaction ends and reads it fresh. Every check of a password or
/// second factor that counts towards the lockout runs under it, so concurrent guesses at one account
/// are judged one after the other: none of their failures is lost to another's write of the count,
/// and each sees the lockout an earlier one started.
/// </summary>
/// <remarks>
/// <c>FOR NO KEY UPDATE</c>: it serializes these checks without blocking the key-share locks that
/// inserting a session, token or membership of the user takes (which a plain FOR UPDATE would, and
/// which could deadlock with a sign-in that writes the audit chain first).
/// </remarks>
public static class UserRowLock
{
    /// <returns>The user with this (normalized) e-mail, locked; null when there is none.</returns>
    public static async Task<User?> LockUserByEmailAsync(this PlatformDbContext database, string normalizedEmail,
        CancellationToken cancellationToken)
    {
        await database.Database.ExecuteSqlAsync($"SELECT FROM users WHERE email = {normalizedEmail} FOR NO KEY UPDATE", cancellationToken);
        return await database.Users.SingleOrDefaultAsync(user => user.Email == normalizedEmail, cancellationToken);
    }

    /// <summary>Locks an already loaded user and refreshes it with what concurrent requests committed.</summary>
    public static async Task LockUserAsync(this PlatformDbContext database, User user, CancellationToken cancellationToken)
    {
        await database.Database.ExecuteSqlAsync($"SELECT FROM users WHERE id = {user.Id} FOR NO KEY UPDATE", cancellationToken);
        await database.Entry(user).ReloadAsync(cancellationToken);
    }
}
