using Platform.Core.Tenancy;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Invitations;

/// <param name="State">sent, accepted, expired or revoked.</param>
/// <param name="DeliveryFailure">Why the last e-mail did not reach the mail server (unreachable, refused, not-configured); resend to try again.</param>
/// <param name="LastSentAt">When the e-mail was last handed to the mail server (or tried).</param>
public sealed record InvitationResponse(
    Guid Id,
    Guid TenantId,
    string Email,
    TenantRole Role,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    Guid? InvitedByUserId,
    int SendCount,
    DateTimeOffset? LastSentAt,
    string? DeliveryFailure,
    DateTimeOffset? AcceptedAt,
    Guid? AcceptedUserId,
    DateTimeOffset? RevokedAt)
{
    public static InvitationResponse From(Invitation invitation, DateTimeOffset now) => new(
        invitation.Id, invitation.TenantId, invitation.Email, invitation.Role, invitation.StateAt(now).ToString().ToLowerInvariant(),
        invitation.CreatedAt, invitation.ExpiresAt, invitation.InvitedByUserId, invitation.SendCount, invitation.LastSentAt,
        invitation.DeliveryFailure, invitation.AcceptedAt, invitation.AcceptedUserId, invitation.RevokedAt);
}
