namespace Platform.Api.Features.Invitations;

/// <summary>Route values of every endpoint of one invitation.</summary>
public sealed class InvitationRequest
{
    public Guid TenantId { get; init; }

    public Guid InvitationId { get; init; }
}
