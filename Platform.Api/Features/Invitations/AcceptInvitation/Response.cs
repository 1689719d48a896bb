namespace Platform.Api.Features.Invitations.AcceptInvitation;

/// <param name="Account">created (a new account), joined (the existing account) or reclaimed (the address's unconfirmed account, now its owner's).</param>
public sealed record Response(Guid TenantId, string TenantName, string Email, string Account);
