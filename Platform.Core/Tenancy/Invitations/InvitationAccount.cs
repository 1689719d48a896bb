namespace Platform.Core.Tenancy.Invitations;

/// <summary>What accepting an invitation does to the account of its address.</summary>
public enum InvitationAccount
{
    /// <summary>No account has the address: accepting creates one with the password chosen then.</summary>
    New = 1,

    /// <summary>An account whose owner proved the address: accepting adds the membership, nothing else.</summary>
    Existing = 2,

    /// <summary>
    /// An account whose address nobody proved (an admin typed it in, or a tenant's provider provisioned
    /// it): the mailbox's owner takes it over with a new password, and whatever its previous holder set
    /// up or was given as a person (password, sessions, API tokens, MFA, linked identities, a platform
    /// role) ends.
    /// </summary>
    Reclaim = 3,
}
