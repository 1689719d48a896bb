using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members;

public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, TenantRole Role, DateTimeOffset CreatedAt)
{
    public static MemberResponse From(TenantMembership membership, User user) =>
        new(user.Id, user.Email, user.DisplayName, membership.Role, membership.CreatedAt);
}
