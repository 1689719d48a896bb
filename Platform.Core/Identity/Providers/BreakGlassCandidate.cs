using Platform.Core.Tenancy;

namespace Platform.Core.Identity.Providers;

/// <summary>The user proposed as break-glass admin, as the caller found them: role in the tenant (null: not a member), local password or not.</summary>
public sealed record BreakGlassCandidate(Guid UserId, TenantRole? TenantRole, bool HasLocalPassword);
