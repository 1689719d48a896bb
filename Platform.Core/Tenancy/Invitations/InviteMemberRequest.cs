namespace Platform.Core.Tenancy.Invitations;

/// <param name="DisplayName">Suggested for a new account; the person may choose another, an existing account keeps its own.</param>
public sealed record InviteMemberRequest(Guid TenantId, string Email, string? DisplayName, TenantRole Role);
