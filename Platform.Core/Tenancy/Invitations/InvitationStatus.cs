namespace Platform.Core.Tenancy.Invitations;

/// <summary>What became of an invitation, as stored. An open one past its expiry reads as expired (<see cref="InvitationState"/>).</summary>
public enum InvitationStatus
{
    /// <summary>Sent and not yet used: its link works until it expires.</summary>
    Open = 1,
    Accepted = 2,
    Revoked = 3,

    /// <summary>Expired and replaced by a new invitation to the same address.</summary>
    Expired = 4,
}
