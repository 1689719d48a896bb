using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.ServiceAccounts;

/// <summary>A service account as its audit records show it before and after a change.</summary>
internal static class ServiceAccountSnapshot
{
    public static string Of(User user, ServiceAccount account, TenantMembership membership) =>
        AuditJson.Of(new { Name = user.DisplayName, account.Description, Role = membership.Role.ToString() });
}
