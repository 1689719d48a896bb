using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Finds the invitation a link's secret opens. Whoever holds the link has not signed in and the tenant
/// is not known until the row is found, so the lookup reads across tenants (platform scope), by the
/// secret's id part only, and then compares the whole secret's hash in constant time.
/// </summary>
internal static class InvitationLinkLookup
{
    /// <returns>The invitation, when the secret is its current one and it still works; otherwise null, whatever the reason.</returns>
    public static async Task<Invitation?> FindUsableAsync(PlatformDbContext database, string? secret, DateTimeOffset now, bool lockRow,
        CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryParse(OpaqueToken.InvitationPrefix, secret, out var token))
        {
            return null;
        }

        database.Scope.EnterPlatformScope();
        var invitation = lockRow
            ? await database.Invitations.FromSql($"SELECT * FROM invitations WHERE token_id = {token.Id} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken)
            : await database.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenId == token.Id, cancellationToken);
        return invitation is not null && token.Matches(invitation.TokenHash) && invitation.IsUsable(now) ? invitation : null;
    }
}
