namespace Platform.Core.Tenancy.Invitations;

/// <summary>An invitation's state as admins see it at a given moment.</summary>
public enum InvitationState
{
    Sent = 1,
    Accepted = 2,
    Expired = 3,
    Revoked = 4,
}
