namespace Platform.Api.Features.Me.GetMe;

public sealed record Response(Guid Id, string Email, string DisplayName, string PlatformRole, IReadOnlyList<Membership> Memberships);

public sealed record Membership(Guid TenantId, string TenantSlug, string TenantName, string Role);
