using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Audit;
using Platform.Core.Compliance;
using Platform.Core.Identity.Mfa;
using PersonalDataAttribute = Platform.Core.Compliance.PersonalDataAttribute;
using Platform.Core.Persistence;

namespace Platform.Core.Identity;

/// <summary>
/// Username/password login (V1). Counts failures per account and locks it for 15 minutes after
/// five; upgrades old hashes; opens a session; audits success, failure and lockout in the
/// platform's chain. Timing is alike for unknown e-mails and wrong passwords. A user with MFA also
/// gives a TOTP or recovery code; a wrong one counts as a failed login, like a wrong password.
/// </summary>
public sealed partial class LocalLogin(
    PlatformDbContext database,
    PasswordHashing passwords,
    MultiFactorAuthentication mfa,
    AuditLog audit,
    TimeProvider time,
    ILogger<LocalLogin> logger)
{
    public async Task<LoginResult> LoginAsync(string email, string password, string? totp, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindUserAsync(email, cancellationToken);

        // A service account never has a password, and is refused like an unknown e-mail even if one
        // were ever written to its row: it has no interactive login.
        if (user?.PasswordHash is null || user.IsServiceAccount)
        {
            passwords.VerifyDecoy(password);
            await audit.AppendAsync(new AuditRecord(null, AuditActor.Anonymous, "auth.login.failed",
                ClientAddress: clientAddress, Outcome: AuditOutcome.Failure), cancellationToken);
            await CommitAsync(transaction, cancellationToken);
            LogRefused(logger, email);
            return LoginResult.Refused;
        }

        if (user.IsLockedOut(now))
        {
            passwords.VerifyDecoy(password);
            await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(user.Id), "auth.login.failed",
                "user", user.Id.ToString(), After: """{"reason":"locked out"}""", ClientAddress: clientAddress,
                Outcome: AuditOutcome.Denied), cancellationToken);
            await CommitAsync(transaction, cancellationToken);
            return LoginResult.Refused;
        }

        var verification = passwords.Verify(user.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            await audit.RecordFailedLoginAsync(user, new AuditRecord(null, AuditActor.ForUser(user.Id), "auth.login.failed",
                "user", user.Id.ToString(), ClientAddress: clientAddress, Outcome: AuditOutcome.Failure), now, cancellationToken);
            await CommitAsync(transaction, cancellationToken);
            return LoginResult.Refused;
        }

        // Only now, with the password proven: asked earlier, the answer would tell a guesser which
        // accounts are worth attacking through the identity provider instead.
        if (await PasswordLoginBlockedAsync(user.Id, cancellationToken))
        {
            await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(user.Id), "login.refused-sso-enforced",
                "user", user.Id.ToString(), ClientAddress: clientAddress, Outcome: AuditOutcome.Denied), cancellationToken);
            await CommitAsync(transaction, cancellationToken);
            return LoginResult.SsoEnforced;
        }

        // The right password from here on: only now may the answer speak of a second factor.
        if (await CheckSecondFactorAsync(user, totp, now, clientAddress, cancellationToken) is { } refusal)
        {
            await CommitAsync(transaction, cancellationToken);
            return refusal;
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(passwords.Hash(password));
        }

        // The memberships are the user's to read: a tenant of theirs may require MFA.
        database.Scope.IdentifyUser(user.Id);
        var enrolmentRequired = await mfa.IsEnrolmentRequiredAsync(user.Id, cancellationToken);
        user.RecordSuccessfulLogin();
        var token = OpaqueToken.Create(OpaqueToken.SessionPrefix);
        var session = new Session(token.Id, token.Hash(), user.Id, now, clientAddress);
        database.Sessions.Add(session);
        await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(user.Id), "auth.login.succeeded",
            "session", session.Id, ClientAddress: clientAddress), cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return new LoginResult(user, token.Value, session.ExpiresAt, MfaEnrolmentRequired: enrolmentRequired);
    }

    /// <returns>Null when the user has no MFA or gave a good code; else the refusal, audited.</returns>
    private async Task<LoginResult?> CheckSecondFactorAsync(User user, string? totp, DateTimeOffset now, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var check = await mfa.CheckAtLoginAsync(user, totp, clientAddress, cancellationToken);
        if (check is null or not MfaCodeCheck.Invalid)
        {
            return null;
        }

        // Asking for the code is the normal first step of a login with MFA: it neither counts as a
        // failure nor resets the count, or a known password would buy unlimited code guesses.
        if (string.IsNullOrWhiteSpace(totp))
        {
            await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(user.Id), "auth.login.failed", "user", user.Id.ToString(),
                After: """{"reason":"mfa required"}""", ClientAddress: clientAddress, Outcome: AuditOutcome.Denied), cancellationToken);
            return LoginResult.MfaRequired;
        }

        await audit.RecordFailedLoginAsync(user, new AuditRecord(null, AuditActor.ForUser(user.Id), "mfa.failed", "user", user.Id.ToString(),
            After: """{"stage":"login"}""", ClientAddress: clientAddress, Outcome: AuditOutcome.Failure), now, cancellationToken);
        return LoginResult.MfaCodeInvalid;
    }

    /// <summary>
    /// Whether a password session could reach nothing: every tenant of the user enforces SSO with
    /// someone else as break-glass admin (each enforcing tenant refuses password sessions on its own
    /// routes anyway). The user's tenants' providers lie behind row-level security, and no tenant is
    /// chosen at login: a database function answers this one yes/no question (Providers.PasswordLoginSql).
    /// </summary>
    private Task<bool> PasswordLoginBlockedAsync(Guid userId, CancellationToken cancellationToken) =>
        database.Database.SqlQuery<bool>($"SELECT platform_password_login_blocked({userId}) AS \"Value\"")
            .SingleAsync(cancellationToken);

    private async Task<User?> FindUserAsync(string email, CancellationToken cancellationToken)
    {
        string normalized;
        try
        {
            normalized = User.NormalizeEmail(email);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return await database.LockUserByEmailAsync(normalized, cancellationToken);
    }

    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Login refused for {Email}")]
    private static partial void LogRefused(ILogger logger, [PersonalData] string email);
}
