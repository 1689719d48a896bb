namespace Platform.Web.PlatformApi;

/// <summary>The body of <c>POST /api/invitations/accept</c>.</summary>
/// <param name="Account"><c>created</c>, <c>joined</c> or <c>reclaimed</c>.</param>
public sealed record InvitationAcceptance(Guid TenantId, string TenantName, string Email, string Account);
