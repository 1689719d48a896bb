namespace Platform.Core.Tenancy.Invitations;

public sealed record AcceptedInvitation(Guid TenantId, string TenantName, string Email, Guid UserId, InvitationAcceptance Account);
