using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Audit;
using Platform.Core.Compliance;
using Platform.Core.Persistence;
using PersonalDataAttribute = Platform.Core.Compliance.PersonalDataAttribute;

namespace Platform.Core.Identity;

/// <summary>
/// Creates the first platform admin from the deployment's secret (never a default password) when
/// no user has that e-mail yet, with its address verified (the operator named it). An existing
/// account keeps its password: a redeploy must not reset a password someone has since changed.
/// </summary>
public sealed partial class PlatformAdminBootstrap(
    PlatformDbContext database,
    PasswordHashing passwords,
    AuditLog audit,
    TimeProvider time,
    ILogger<PlatformAdminBootstrap> logger)
{
    public async Task EnsureAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = User.NormalizeEmail(email);
        if (PasswordPolicy.Check(password, normalized, []) is { } problem)
        {
            throw new InvalidOperationException($"The initial platform admin password is not acceptable: {problem}");
        }

        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var existing = await database.Users.SingleOrDefaultAsync(user => user.Email == normalized, cancellationToken);
        if (existing is not null)
        {
            // The operator named this address in the deployment's secret: it counts as confirmed (once,
            // for the admin an earlier version created before addresses were verified).
            if (existing is { PlatformRole: PlatformRole.Admin, IsEmailVerified: false })
            {
                existing.MarkEmailVerified(time.GetUtcNow());
                await database.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            LogExists(logger, normalized);
            return;
        }

        var admin = new User(normalized, "Platform admin", PlatformRole.Admin, time.GetUtcNow());
        admin.MarkEmailVerified(time.GetUtcNow());
        admin.SetPasswordHash(passwords.Hash(password));
        database.Users.Add(admin);
        await audit.AppendAsync(new AuditRecord(null, AuditActor.System, "user.created", "user", admin.Id.ToString(),
            After: """{"platformRole":"Admin","source":"bootstrap"}"""), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCreated(logger, normalized);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Initial platform admin {Email} created")]
    private static partial void LogCreated(ILogger logger, [PersonalData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform admin {Email} already exists; left unchanged")]
    private static partial void LogExists(ILogger logger, [PersonalData] string email);
}
