using Platform.Core.Tenancy;

namespace Platform.Api.Features.Invitations.PreviewInvitation;

/// <param name="Account">new (accepting creates an account), existing (the account joins) or reclaim (the address's unconfirmed account gets a new password and its old sessions end).</param>
public sealed record Response(string TenantName, string Email, TenantRole Role, DateTimeOffset ExpiresAt, string Account, string? SuggestedDisplayName);
