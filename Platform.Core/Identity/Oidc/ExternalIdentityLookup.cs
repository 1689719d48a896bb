using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Finds the link of (provider, issuer, subject) before any tenant or user is known: row-level
/// security shows this transaction the rows with exactly that issuer and subject
/// (<see cref="ExternalIdentitySql"/>), and nothing else.
/// </summary>
public static class ExternalIdentityLookup
{
    /// <summary>Runs inside the caller's transaction; the settings end with it.</summary>
    public static async Task<ExternalIdentity?> FindAsync(PlatformDbContext database, Guid providerId, string issuer, string subject,
        CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The lookup's settings are transaction-local: start a transaction first.");
        }

        await database.Database.ExecuteSqlAsync(
            $"SELECT set_config('platform.external_issuer', {issuer}, true), set_config('platform.external_subject', {subject}, true)",
            cancellationToken);
        return await database.ExternalIdentities.IgnoreQueryFilters()
            .SingleOrDefaultAsync(identity => identity.ProviderId == providerId && identity.Issuer == issuer && identity.Subject == subject,
                cancellationToken);
    }
}
