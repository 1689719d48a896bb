namespace Platform.Core.Tenancy.Invitations;

/// <summary>What the invitation page shows before the person accepts.</summary>
public sealed record InvitationPreview(string TenantName, string Email, TenantRole Role, DateTimeOffset ExpiresAt,
    InvitationAccount Account, string? SuggestedDisplayName);
