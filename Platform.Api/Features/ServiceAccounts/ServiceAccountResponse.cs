using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.ServiceAccounts;

/// <summary>A service account: its id is what grants and tokens name (their <c>userId</c>, <c>ownerUserId</c>).</summary>
public sealed record ServiceAccountResponse(
    Guid Id, string Name, string Description, TenantRole Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ServiceAccountResponse From(ServiceAccountRows rows) =>
        new(rows.Account.Id, rows.User.DisplayName, rows.Account.Description, rows.Membership.Role, rows.Account.CreatedAt,
            rows.Account.UpdatedAt);
}
