using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Mfa;

/// <summary>
/// TOTP MFA of local users: enrolment, the code check at login, removal and new recovery codes.
/// Every change locks the user's authenticator row, so two requests cannot both use one code or
/// both confirm one enrolment. Audited on the platform chain, like logins; codes and secrets never
/// reach the audit log or the logs.
/// </summary>
public sealed class MultiFactorAuthentication(
    PlatformDbContext database,
    TotpSecretProtector secrets,
    PasswordHashing passwords,
    SessionAuthentication sessions,
    AuditLog audit,
    TimeProvider time)
{
    /// <param name="onlyTenantId">
    /// A session bound to a tenant (opened through its identity provider) speaks of that tenant only,
    /// as <c>/api/me</c> does.
    /// </param>
    public async Task<MfaStatus> GetStatusAsync(Guid userId, Guid? onlyTenantId, CancellationToken cancellationToken)
    {
        var authenticator = await database.TotpAuthenticators.AsNoTracking()
            .SingleOrDefaultAsync(a => a.UserId == userId && a.EnabledAt != null, cancellationToken);
        var codesLeft = authenticator is null
            ? 0
            : await database.RecoveryCodes.CountAsync(code => code.UserId == userId && code.UsedAt == null, cancellationToken);
        var requiringTenants = await TenantsRequiringMfa(userId)
            .Where(tenantId => onlyTenantId == null || tenantId == onlyTenantId)
            .Order()
            .ToListAsync(cancellationToken);
        return new MfaStatus(authenticator is not null, authenticator?.EnabledAt, codesLeft, requiringTenants);
    }

    /// <summary>
    /// True when some tenant of this local user requires MFA and the user has none: that tenant's
    /// routes refuse the user's sessions until they enrol (<see cref="IsEnrolmentRequiredInAsync"/>);
    /// the login answer passes it on as information. The data scope must name the user (their
    /// memberships are read).
    /// </summary>
    public Task<bool> IsEnrolmentRequiredAsync(Guid userId, CancellationToken cancellationToken) =>
        TenantsAwaitingEnrolment(userId).AnyAsync(cancellationToken);

    /// <summary>
    /// True when this tenant requires MFA of its local users, the user is one and has none: the
    /// tenant refuses the user's sessions until they enrol. The tenant's rule and nobody else's:
    /// the user's other tenants stay open. Read per request, so turning the requirement on reaches
    /// open sessions and enrolling lifts it at once. The data scope must be in the tenant (or name the user).
    /// </summary>
    public Task<bool> IsEnrolmentRequiredInAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken) =>
        TenantsAwaitingEnrolment(userId).AnyAsync(id => id == tenantId, cancellationToken);

    /// <returns>Null when MFA is enabled already: it is removed before enrolling again.</returns>
    public async Task<MfaEnrolment?> StartEnrolmentAsync(User user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = TotpCodes.NewSecret();
        return await database.InTransactionAsync(async () =>
        {
            var authenticator = await LockAsync(user.Id, cancellationToken);
            if (authenticator is { IsEnabled: true })
            {
                return null;
            }

            if (authenticator is null)
            {
                database.TotpAuthenticators.Add(new TotpAuthenticator(user.Id, secrets.Protect(secret), now));
            }
            else
            {
                authenticator.Restart(secrets.Protect(secret), now);
            }

            return new MfaEnrolment(secret, user.Email, now + TotpAuthenticator.EnrolmentLifetime);
        }, cancellationToken);
    }

    /// <summary>
    /// Enables MFA with the password and a first code; ends the user's other sessions; returns the
    /// recovery codes. The password keeps a stolen session from locking the owner out with its own app.
    /// </summary>
    public async Task<MfaChange> ConfirmEnrolmentAsync(User user, string password, string code, string currentSessionId, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async () =>
        {
            await database.LockUserAsync(user, cancellationToken);
            var authenticator = await LockAsync(user.Id, cancellationToken);
            if (authenticator is null || authenticator.IsPendingExpired(now))
            {
                return MfaChange.Failed(MfaChangeOutcome.NoPendingEnrolment);
            }

            if (authenticator.IsEnabled)
            {
                return MfaChange.Failed(MfaChangeOutcome.WrongState);
            }

            if (user.IsLockedOut(now))
            {
                return MfaChange.Failed(MfaChangeOutcome.WrongPassword);
            }

            if (user.PasswordHash is null || passwords.Verify(user.PasswordHash, password) == PasswordVerificationResult.Failed)
            {
                await FailAsync(user, new { stage = "enrolment", reason = "password" }, now, clientAddress, cancellationToken);
                return MfaChange.Failed(MfaChangeOutcome.WrongPassword);
            }

            if (TotpCodes.AcceptedStep(secrets.Unprotect(authenticator.ProtectedSecret), code, now, null) is not { } step)
            {
                await audit.AppendAsync(Record(user.Id, "mfa.failed", new { stage = "enrolment" }, clientAddress, AuditOutcome.Failure),
                    cancellationToken);
                return MfaChange.Failed(MfaChangeOutcome.InvalidCode);
            }

            authenticator.Enable(now, step);
            var codes = await ReplaceRecoveryCodesAsync(user.Id, now, cancellationToken);
            var revoked = await sessions.RevokeOthersAsync(user.Id, currentSessionId, cancellationToken);
            await audit.AppendAsync(Record(user.Id, "mfa.enrolled", new { sessionsRevoked = revoked }, clientAddress), cancellationToken);
            return new MfaChange(MfaChangeOutcome.Done, codes, revoked);
        }, cancellationToken);
    }

    /// <summary>Removes MFA, given the password and a code (TOTP or recovery); ends the user's other sessions.</summary>
    public async Task<MfaChange> RemoveAsync(User user, string password, string code, string currentSessionId, string? clientAddress,
        CancellationToken cancellationToken)
    {
        return await ChangeAsync(user, password, code, "removal", clientAddress, async authenticator =>
        {
            database.TotpAuthenticators.Remove(authenticator);
            database.RecoveryCodes.RemoveRange(await database.RecoveryCodes.Where(recovery => recovery.UserId == user.Id).ToListAsync(cancellationToken));
            var revoked = await sessions.RevokeOthersAsync(user.Id, currentSessionId, cancellationToken);
            await audit.AppendAsync(Record(user.Id, "mfa.removed", new { sessionsRevoked = revoked }, clientAddress), cancellationToken);
            return new MfaChange(MfaChangeOutcome.Done, SessionsRevoked: revoked);
        }, cancellationToken);
    }

    /// <summary>Replaces the recovery codes, given a code (TOTP or recovery).</summary>
    public async Task<MfaChange> RegenerateRecoveryCodesAsync(User user, string code, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await ChangeAsync(user, password: null, code, "recovery-codes", clientAddress, async _ =>
        {
            var codes = await ReplaceRecoveryCodesAsync(user.Id, now, cancellationToken);
            await audit.AppendAsync(Record(user.Id, "mfa.recovery-codes-regenerated", new { count = codes.Count }, clientAddress),
                cancellationToken);
            return new MfaChange(MfaChangeOutcome.Done, codes);
        }, cancellationToken);
    }

    /// <summary>
    /// The second factor at login, in the caller's transaction: locks the authenticator, accepts a
    /// TOTP code of a step later than the last one or an unused recovery code, and uses it up.
    /// </summary>
    /// <returns>Null when the user has no MFA enabled.</returns>
    public async Task<MfaCodeCheck?> CheckAtLoginAsync(User user, string? code, string? clientAddress, CancellationToken cancellationToken)
    {
        var authenticator = await LockAsync(user.Id, cancellationToken);
        if (authenticator is not { IsEnabled: true })
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(code)
            ? MfaCodeCheck.Invalid
            : await UseCodeAsync(authenticator, code, time.GetUtcNow(), clientAddress, cancellationToken);
    }

    /// <summary>Whether the user must give a second factor at login.</summary>
    private async Task<MfaChange> ChangeAsync(User user, string? password, string code, string stage, string? clientAddress,
        Func<TotpAuthenticator, Task<MfaChange>> change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async () =>
        {
            await database.LockUserAsync(user, cancellationToken);
            var authenticator = await LockAsync(user.Id, cancellationToken);
            if (authenticator is not { IsEnabled: true })
            {
                return MfaChange.Failed(MfaChangeOutcome.WrongState);
            }

            // A stolen session must not be a way around the login's lockout to guess a code.
            if (user.IsLockedOut(now))
            {
                return MfaChange.Failed(MfaChangeOutcome.InvalidCode);
            }

            if (password is not null
                && (user.PasswordHash is null || passwords.Verify(user.PasswordHash, password) == PasswordVerificationResult.Failed))
            {
                await FailAsync(user, new { stage, reason = "password" }, now, clientAddress, cancellationToken);
                return MfaChange.Failed(MfaChangeOutcome.WrongPassword);
            }

            if (await UseCodeAsync(authenticator, code, now, clientAddress, cancellationToken) == MfaCodeCheck.Invalid)
            {
                await FailAsync(user, new { stage, reason = "code" }, now, clientAddress, cancellationToken);
                return MfaChange.Failed(MfaChangeOutcome.InvalidCode);
            }

            return await change(authenticator);
        }, cancellationToken);
    }

    private async Task<MfaCodeCheck> UseCodeAsync(TotpAuthenticator authenticator, string code, DateTimeOffset now, string? clientAddress,
        CancellationToken cancellationToken)
    {
        code = code.Trim();
        if (TotpCodes.IsCodeShaped(code))
        {
            var step = TotpCodes.AcceptedStep(secrets.Unprotect(authenticator.ProtectedSecret), code, now, authenticator.LastTimeStep);
            if (step is null)
            {
                return MfaCodeCheck.Invalid;
            }

            authenticator.Accept(step.Value);
            return MfaCodeCheck.Totp;
        }

        if (RecoveryCodes.Normalize(code) is not { } canonical)
        {
            return MfaCodeCheck.Invalid;
        }

        var hash = RecoveryCodes.Hash(canonical);
        var unused = await database.RecoveryCodes
            .Where(recovery => recovery.UserId == authenticator.UserId && recovery.UsedAt == null)
            .ToListAsync(cancellationToken);
        var match = unused.FirstOrDefault(recovery => CryptographicOperations.FixedTimeEquals(recovery.CodeHash, hash));
        if (match is null)
        {
            return MfaCodeCheck.Invalid;
        }

        match.Use(now);
        await audit.AppendAsync(Record(authenticator.UserId, "mfa.recovery-code-used", new { recoveryCodesLeft = unused.Count - 1 },
            clientAddress), cancellationToken);
        return MfaCodeCheck.RecoveryCode;
    }

    /// <summary>A wrong password or code counts towards the login lockout, as a wrong code at login does.</summary>
    private Task FailAsync(User user, object detail, DateTimeOffset now, string? clientAddress, CancellationToken cancellationToken) =>
        audit.RecordFailedLoginAsync(user, Record(user.Id, "mfa.failed", detail, clientAddress, AuditOutcome.Failure), now, cancellationToken);

    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Tracked, not a bulk delete: a recovery code used in this transaction is among them.
        database.RecoveryCodes.RemoveRange(await database.RecoveryCodes.Where(recovery => recovery.UserId == userId).ToListAsync(cancellationToken));
        var codes = RecoveryCodes.Generate();
        database.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode(userId, RecoveryCodes.Hash(RecoveryCodes.Normalize(code)!), now)));
        return codes;
    }

    private Task<TotpAuthenticator?> LockAsync(Guid userId, CancellationToken cancellationToken) =>
        database.TotpAuthenticators
            .FromSql($"SELECT * FROM totp_authenticators WHERE user_id = {userId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The tenants of the user that require MFA of their local users.</summary>
    private IQueryable<Guid> TenantsRequiringMfa(Guid userId) =>
        database.TenantMemberships
            .Where(membership => membership.UserId == userId
                && database.Tenants.Any(tenant => tenant.Id == membership.TenantId && tenant.Settings.RequireMfa))
            .Select(membership => membership.TenantId);

    /// <summary>Those of them that refuse the user's sessions: the user is a local one (has a password) without MFA.</summary>
    private IQueryable<Guid> TenantsAwaitingEnrolment(Guid userId) =>
        TenantsRequiringMfa(userId).Where(_ => database.Users.Any(user => user.Id == userId && user.PasswordHash != null
            && !database.TotpAuthenticators.Any(a => a.UserId == user.Id && a.EnabledAt != null)));

    private static AuditRecord Record(Guid userId, string action, object detail, string? clientAddress,
        AuditOutcome outcome = AuditOutcome.Success) =>
        new(null, AuditActor.ForUser(userId), action, "user", userId.ToString(), After: AuditJson.Of(detail),
            ClientAddress: clientAddress, Outcome: outcome);
}
