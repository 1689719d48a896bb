using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Email;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Mails an invitation's link and records on the invitation whether the mail server took it. Runs after
/// the commit that stored the link's hash: a mail is never sent for an invitation that does not exist,
/// and one that could not be sent shows why in the admins' list, where they can resend it.
/// </summary>
public sealed partial class InvitationDelivery(
    PlatformDbContext database,
    IEmailSender sender,
    IOptions<InvitationLinks> links,
    TimeProvider time,
    ILogger<InvitationDelivery> logger)
{
    public async Task SendAsync(Invitation invitation, OpaqueToken token, CancellationToken cancellationToken)
    {
        var tenantName = await database.Tenants.Where(tenant => tenant.Id == invitation.TenantId)
            .Select(tenant => tenant.Name).SingleAsync(cancellationToken);
        var inviterName = invitation.InvitedByUserId is { } inviterId
            ? await database.Users.Where(user => user.Id == inviterId).Select(user => user.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var message = InvitationMail.Compose(invitation.Email, tenantName, inviterName, invitation.Role,
            links.Value.LinkFor(token.Value), invitation.ExpiresAt);

        string? failure = null;
        try
        {
            await sender.SendAsync(message, cancellationToken);
            LogSent(logger, invitation.Id);
        }
        catch (EmailDeliveryException exception)
        {
            failure = exception.Reason;
            LogNotSent(logger, invitation.Id, exception.Reason);
        }

        invitation.RecordDelivery(time.GetUtcNow(), failure);
        await database.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} handed to the mail server")]
    private static partial void LogSent(ILogger logger, Guid invitationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation {InvitationId} could not be sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid invitationId, string reason);
}
