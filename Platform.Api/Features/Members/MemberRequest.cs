namespace Platform.Api.Features.Members;

/// <summary>Route values of every endpoint of one member.</summary>
public class MemberRequest
{
    public Guid TenantId { get; init; }

    public Guid UserId { get; init; }
}
