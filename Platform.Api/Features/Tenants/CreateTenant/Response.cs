using Platform.Api.Features.Invitations;

namespace Platform.Api.Features.Tenants.CreateTenant;

/// <summary>The tenant as <see cref="TenantResponse"/> shows it, with the invitation of its first admin when one was asked for.</summary>
public sealed record Response(
    Guid Id,
    string Slug,
    string Name,
    string Status,
    TenantSettingsBody Settings,
    DateTimeOffset CreatedAt,
    InvitationResponse? InitialAdminInvitation);
