namespace Platform.Core.Tenancy.Invitations;

/// <summary>What accepting an invitation did to the account of its address.</summary>
public enum InvitationAcceptance
{
    Created = 1,
    Joined = 2,
    Reclaimed = 3,
}
