using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.ServiceAccounts;

/// <summary>The three rows that make up one service account.</summary>
public sealed record ServiceAccountRows(ServiceAccount Account, User User, TenantMembership Membership);
