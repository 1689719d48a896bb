using Platform.Core.Audit;

namespace Platform.Core.Identity;

/// <summary>
/// A wrong password or second factor: counted towards the user's lockout and audited, with an
/// <c>auth.lockout</c> record when this failure starts a lockout. One place, so the password and
/// MFA paths cannot count or audit differently.
/// </summary>
public static class FailedLogins
{
    /// <param name="failure">The audit record of the failure itself (its action says which check failed).</param>
    public static async Task RecordFailedLoginAsync(this AuditLog audit, User user, AuditRecord failure, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var lockedNow = user.RecordFailedLogin(now);
        await audit.AppendAsync(failure, cancellationToken);
        if (lockedNow)
        {
            await audit.AppendAsync(new AuditRecord(null, AuditActor.System, "auth.lockout", "user", user.Id.ToString(),
                After: AuditJson.Of(new { lockedOutUntil = user.LockedOutUntil }), ClientAddress: failure.ClientAddress), cancellationToken);
        }
    }
}
